import { describe, expect, it } from "vitest";
import { readBounce } from "./bounce";

const id = "0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee";

describe("readBounce", () => {
  it("reads a delivery report: the failed recipient, the diagnostic and our notification's header", () => {
    const text = `Reporting-MTA: dns; mx.kunde.no\n\nFinal-Recipient: rfc822; Kari@Kunde.no\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <kari@kunde.no>:\n Recipient address rejected\n\nFrom: Helpdesk <helpdesk@example.no>\nX-Helpdesk-Notification: ${id}\n`;
    expect(readBounce(text, [])).toEqual({ notificationId: id, recipient: "kari@kunde.no", reason: "550 5.1.1 <kari@kunde.no>: Recipient address rejected" });
  });

  it("finds the notification by the original's Message-ID, or by the bounce's references", () => {
    expect(readBounce(`Message-ID: <${id.toUpperCase()}@example.no>\nStatus: 5.2.2`, []).notificationId).toBe(id);
    expect(readBounce("Status: 5.2.2", ["<other@x>", `<${id}@example.no>`])).toEqual({ notificationId: id, recipient: null, reason: "status 5.2.2" });
  });

  it("knows nothing when nothing is said", () => {
    expect(readBounce("Your message could not be delivered.", [])).toEqual({ notificationId: null, recipient: null, reason: "undeliverable" });
  });
});
