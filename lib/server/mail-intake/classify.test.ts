import { describe, expect, it } from "vitest";
import { addressOf, classifyMail, type ClassifiedMail } from "./classify";

const own = new Set(["helpdesk@example.no", "support@example.no"]);
const mail = (headers: Record<string, string> = {}, fromAddress = "kari@kunde.no", contentType: ClassifiedMail["contentType"] = { value: "text/plain", params: {} }): ClassifiedMail => ({
  fromAddress,
  headers: new Map(Object.entries(headers)),
  contentType,
});

describe("classifyMail", () => {
  it("lets an ordinary message through", () => {
    expect(classifyMail(mail(), own)).toBeNull();
    expect(classifyMail(mail({ "auto-submitted": "no" }), own)).toBeNull();
    expect(classifyMail(mail({ precedence: "first-class" }), own)).toBeNull();
  });

  it("ignores auto-replies and bulk or list mail", () => {
    expect(classifyMail(mail({ "auto-submitted": "auto-replied" }), own)).toEqual({ status: "IGNORED", reason: "auto_submitted" });
    expect(classifyMail(mail({ "auto-submitted": "auto-generated; owner-email=x@y" }), own)).toEqual({ status: "IGNORED", reason: "auto_submitted" });
    expect(classifyMail(mail({ "x-autoreply": "yes" }), own)).toEqual({ status: "IGNORED", reason: "auto_submitted" });
    for (const p of ["bulk", "list", "junk", "Bulk"]) expect(classifyMail(mail({ precedence: p }), own)).toEqual({ status: "IGNORED", reason: "bulk" });
    expect(classifyMail(mail({ "list-id": "<news.example.no>" }), own)).toEqual({ status: "IGNORED", reason: "mailing_list" });
    expect(classifyMail(mail({ "list-unsubscribe": "<mailto:u@example.no>" }), own)).toEqual({ status: "IGNORED", reason: "mailing_list" });
  });

  it("takes mail from mailer-daemon or postmaster, and delivery reports, as bounces", () => {
    expect(classifyMail(mail({}, "mailer-daemon@mx.kunde.no"), own)).toEqual({ status: "BOUNCE", reason: "mailer_daemon" });
    expect(classifyMail(mail({}, "postmaster@kunde.no"), own)).toEqual({ status: "BOUNCE", reason: "mailer_daemon" });
    expect(classifyMail(mail({}, "bounces@kunde.no", { value: "multipart/report", params: { "report-type": "delivery-status" } }), own)).toEqual({ status: "BOUNCE", reason: "delivery_status" });
    // A bounce is also auto-submitted: it is still a bounce.
    expect(classifyMail(mail({ "auto-submitted": "auto-replied" }, "MAILER-DAEMON@mx.kunde.no".toLowerCase()), own)).toEqual({ status: "BOUNCE", reason: "mailer_daemon" });
  });

  it("ignores our own mail coming back", () => {
    expect(classifyMail(mail({ "x-helpdesk-notification": "0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee" }), own)).toEqual({ status: "IGNORED", reason: "own_message" });
    expect(classifyMail(mail({}, "support@example.no"), own)).toEqual({ status: "IGNORED", reason: "own_message" });
  });
});

describe("addressOf", () => {
  it("reads the address of MAIL_FROM", () => {
    expect(addressOf("Helpdesk <Helpdesk@Example.no>")).toBe("helpdesk@example.no");
    expect(addressOf("helpdesk@example.no")).toBe("helpdesk@example.no");
    expect(addressOf('"Servicedesk, Nordlys" <sd@nordlys.no>')).toBe("sd@nordlys.no");
  });
});
