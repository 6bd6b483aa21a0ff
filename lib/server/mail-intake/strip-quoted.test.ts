import { describe, expect, it } from "vitest";
import { stripQuoted } from "./strip-quoted";

describe("stripQuoted", () => {
  it("keeps a message without history as it is, trimmed", () => {
    expect(stripQuoted("\nHei,\n\nskriveren virker ikke.\n\n")).toBe("Hei,\n\nskriveren virker ikke.");
  });

  it("drops lines quoted with >", () => {
    expect(stripQuoted("Takk, det virker nå.\n\n> Har du prøvd å starte på nytt?\n> Mvh servicedesk")).toBe("Takk, det virker nå.");
  });

  it("keeps inline answers between quoted lines", () => {
    expect(stripQuoted("> Hvilken skriver?\nDen i 2. etasje.\n> Når?\nI dag.")).toBe("Den i 2. etasje.\nI dag.");
  });

  it("cuts an English 'On … wrote:' block, also wrapped over two lines", () => {
    expect(stripQuoted("Yes, please.\n\nOn Mon, 1 Dec 2026 at 10:00, Servicedesk <helpdesk@example.no> wrote:\nWhat is the model?")).toBe("Yes, please.");
    expect(stripQuoted("Yes.\n\nOn Mon, 1 Dec 2026 at 10:00, Servicedesk\n<helpdesk@example.no> wrote:\n\nquestion")).toBe("Yes.");
  });

  it("cuts a Norwegian 'Den … skrev …:' block", () => {
    expect(stripQuoted("Ja, takk.\n\nDen man. 1. des. 2026 kl. 10:00 skrev Servicedesk <helpdesk@example.no>:\n\nHva er modellen?")).toBe("Ja, takk.");
    expect(stripQuoted("Ja.\n\ntir. 1. des. 2026 kl. 10:00 skrev Servicedesk <helpdesk@example.no>:\n> Hva?")).toBe("Ja.");
  });

  it("keeps a sentence that merely says someone wrote something", () => {
    expect(stripQuoted("Kollegaen min skrev dette i går:\nskriveren står")).toBe("Kollegaen min skrev dette i går:\nskriveren står");
  });

  it("cuts Outlook's original-message and From/Sent blocks", () => {
    expect(stripQuoted("Se vedlegg.\n\n-----Original Message-----\nFrom: Servicedesk\nSent: 1 December 2026\n\nOld text")).toBe("Se vedlegg.");
    expect(stripQuoted("Se vedlegg.\n\n-----Opprinnelig melding-----\nFra: Servicedesk")).toBe("Se vedlegg.");
    expect(stripQuoted("OK.\n\nFrom: Servicedesk <helpdesk@example.no>\nSent: Monday, December 1, 2026 10:00 AM\nTo: Kari\nSubject: RE: [NL-2026-000001]\n\nOld")).toBe("OK.");
    expect(stripQuoted("OK.\n________________________________\nFra: Servicedesk <helpdesk@example.no>\nSendt: mandag 1. desember 2026 10:00")).toBe("OK.");
  });

  it("cuts the signature from the '-- ' line", () => {
    expect(stripQuoted("Skjermen er svart.\n\n-- \nKari Nordmann\nNordlys AS\n+47 900 00 000")).toBe("Skjermen er svart.");
  });

  it("keeps a dash line that is not a signature delimiter", () => {
    expect(stripQuoted("Steg:\n-- åpne\n-- lukk")).toBe("Steg:\n-- åpne\n-- lukk");
  });

  it("shows the whole text when stripping would leave nothing", () => {
    expect(stripQuoted("> only a quote\n> nothing else")).toBe("> only a quote\n> nothing else");
    expect(stripQuoted("-- \nKari")).toBe("-- \nKari");
  });

  it("handles CRLF line ends", () => {
    expect(stripQuoted("Takk.\r\n\r\n> sitat\r\n")).toBe("Takk.");
  });
});
