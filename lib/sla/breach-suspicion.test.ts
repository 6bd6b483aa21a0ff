import { describe, expect, it } from "vitest";
import { breachSuspicionTerms, suggestsPersonalDataBreach } from "./breach-suspicion";

const p1 = (title: string, description = "") => ({ priority: "P1", title, description });

describe("suggestsPersonalDataBreach", () => {
  it.each([
    ["Datalekkasje: kundelisten ligger ute", ""],
    ["Noen har fått uautorisert tilgang", "til lønnssystemet"],
    ["Mistenker at e-posten er hacket", ""],
    ["Fødselsnumre synlige for alle", ""],
    ["Personopplysninger sendt til feil mottaker", ""],
    ["Løsepengevirus på filserveren", ""],
    ["Possible data breach", "customer records"],
    ["Unauthorized access to HR system", ""],
    ["Our mailbox was compromised", ""],
    ["Export of personal data leaked", ""],
  ])("a P1 '%s' suggests a breach", (title, description) => {
    expect(suggestsPersonalDataBreach(p1(title, description))).toBe(true);
  });

  it.each([["Skriveren virker ikke"], ["Hele systemet er nede"], ["The printer is bleak and unleaky"], ["Kan ikke logge inn"]])("'%s' does not", (title) => {
    expect(suggestsPersonalDataBreach(p1(title))).toBe(false);
  });

  it("only a P1 is offered the flag", () => {
    expect(suggestsPersonalDataBreach({ priority: "P2", title: "Datalekkasje", description: "" })).toBe(false);
  });

  it("names the terms found, in any case and across line breaks", () => {
    expect(breachSuspicionTerms("DATA\nBREACH hos oss, GDPR")).toEqual(["data breach", "breach", "gdpr"]);
  });
});
