import { describe, expect, it } from "vitest";
import { renderNotification } from "./templates";

const payload = { reference: "NL-2026-000042", title: "VPN faller ut", priority: "P2", ticketId: "0190f3c2-7d4e-7a1b-9c3d-2e4f5a6b7c8d", assignedBy: "Lise Lund" };

describe("the assignee's notice (issue 19)", () => {
  it("names the ticket, who assigned it and links to the agent's ticket page, in the recipient's language", () => {
    const nb = renderNotification("ticket-assigned", payload, "nb");
    expect(nb.subject).toBe("Sak NL-2026-000042 (P2) er tildelt deg");
    expect(nb.text).toContain("Lise Lund har tildelt deg sak NL-2026-000042");
    expect(nb.text).toContain(`/arbeid/saker/${payload.ticketId}`);
    expect(renderNotification("ticket-assigned", payload, "en").subject).toBe("Ticket NL-2026-000042 (P2) is assigned to you");
  });
});
