import { describe, expect, it } from "vitest";
import { renderNotification } from "./templates";

const base = { reference: "SI-2026-000001", title: "Datalekkasje" };

describe("the security incident e-mails, in both languages", () => {
  it.each([
    ["security-flagged", { ...base, priority: "P1", organizationName: "Sikker AS", reason: "Kundeliste ute", dueAt: "2026-03-03T21:15:00.000Z" }, "Sikkerhetshendelse", "Security incident"],
    ["breach-notice-warning", { ...base, threshold: 0.75, dueAt: "2026-03-03T21:15:00.000Z" }, "Frist nærmer seg", "Deadline approaching"],
    ["breach-notice-breach", { ...base, dueAt: "2026-03-03T21:15:00.000Z" }, "Frist passert", "Deadline passed"],
    [
      "breach-notice-customer",
      { ...base, organizationName: "Sikker AS", message: "Listen var ute i 3 timer.", notifiedAt: "2026-03-03T16:15:00.000Z" },
      "Varsel om brudd",
      "Notice of a personal-data breach",
    ],
    ["rca-report", { ...base, ticketId: "01a2311c-4eda-77ca-ae8d-62e9ce350463", closedAt: "2026-03-04T10:00:00.000Z" }, "Rotårsaksanalyse", "Root-cause analysis"],
  ])("%s", (template, payload, nb, en) => {
    const norwegian = renderNotification(template, payload, "nb");
    const english = renderNotification(template, payload, "en");
    expect(norwegian.subject).toContain(nb);
    expect(english.subject).toContain(en);
    expect(norwegian.subject).toContain(base.reference);
    expect(english.text).not.toContain("{");
  });

  it("the customer's notice carries the agent's text, escaped in HTML, and when it was given in Oslo time", () => {
    const r = renderNotification("breach-notice-customer", { ...base, organizationName: "Sikker AS", message: "<b>3 timer</b>", notifiedAt: "2026-03-03T16:15:00.000Z" }, "nb", {
      recipientName: "Ola",
    });
    expect(r.text).toContain("<b>3 timer</b>");
    expect(r.html).toContain("&lt;b&gt;3 timer&lt;/b&gt;");
    expect(r.text).toContain("17:15");
  });
});
