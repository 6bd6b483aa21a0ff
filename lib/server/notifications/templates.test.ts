import { describe, expect, it } from "vitest";
import { PermanentDeliveryError } from "./errors";
import { renderNotification } from "./templates";

const receipt = { reference: "NOR-2026-0001", title: "Skriveren virker ikke", priority: "P3", registeredAt: "2026-07-01T08:30:00.000Z" };

describe("notification templates", () => {
  it("renders bokmål by default and English on request, with times in Europe/Oslo", () => {
    const nb = renderNotification("ticket-receipt", receipt, "nb");
    expect(nb.subject).toBe("[NOR-2026-0001] Vi har mottatt saken din: Skriveren virker ikke");
    expect(nb.text).toContain("10:30"); // 08:30 UTC is 10:30 in Oslo in summer
    const en = renderNotification("ticket-receipt", receipt, "en");
    expect(en.subject).toBe("[NOR-2026-0001] We have received your ticket: Skriveren virker ikke");
    expect(renderNotification("ticket-receipt", { ...receipt, registeredAt: "2026-01-15T08:30:00Z" }, "en").text).toContain("09:30");
  });

  it("escapes HTML and gives a webhook body with text and the data", () => {
    const r = renderNotification("ticket-receipt", { ...receipt, title: "<script>x</script>" }, "nb");
    expect(r.html).not.toContain("<script>");
    expect(r.html).toContain("&lt;script&gt;");
    expect(r.webhook).toMatchObject({ event: "ticket-receipt", locale: "nb", data: { reference: "NOR-2026-0001" } });
  });

  it("renders every template used by the system", () => {
    const samples: Record<string, unknown> = {
      "ticket-escalated": { reference: "R-1", from: "L1", to: "L2", priority: "P2" },
      "sla-warning": { reference: "R-1", title: "T", priority: "P2", threshold: 0.75, dueAt: "2026-03-02T10:00:00Z" },
      "sla-breach": { reference: "R-1", title: "T", priority: "P1", dueAt: "2026-03-02T10:00:00Z", breachedAt: "2026-03-02T10:00:01Z" },
      "p1-registered": { reference: "R-1", title: "T", registeredAt: "2026-03-02T10:00:00Z" },
      "oncall-page": { reference: "R-1", title: "T", priority: "P1", ackUrl: "http://localhost:3000/ack/abc", attempt: 2 },
      "report-ready": { organizationName: "Nordlys Eiendom AS", month: "2026-10", percent: 92.5, creditPercent: 0, url: "http://localhost:3000/reports/1" },
      digest: {
        items: [
          {
            template: "sla-breach",
            createdAt: "2026-03-02T10:00:00Z",
            payload: { reference: "R-9", title: "Nede", priority: "P1", dueAt: "2026-03-02T10:00:00Z", breachedAt: "2026-03-02T10:00:00Z" },
          },
        ],
      },
    };
    expect(renderNotification("sla-warning", samples["sla-warning"], "nb").subject).toBe("SLA-varsel: 75 % av fristen brukt for R-1");
    expect(renderNotification("ticket-escalated", samples["ticket-escalated"], "en").subject).toBe("Ticket R-1 (P2) escalated to 2nd line");
    expect(renderNotification("report-ready", samples["report-ready"], "nb").text).toContain("oktober 2026 er klar: 92,5 % innenfor fristen");
    expect(renderNotification("oncall-page", samples["oncall-page"], "nb").text).toContain("http://localhost:3000/ack/abc");
    expect(renderNotification("digest", samples.digest, "nb").text).toContain("SLA-brudd R-9 (P1): Nede");
    for (const [name, payload] of Object.entries(samples)) expect(renderNotification(name, payload, "en").subject.length).toBeGreaterThan(5);
  });

  it("says a quarterly refund is settled for the quarter, not undetermined (Sodvin 001 §7.2)", () => {
    const quarter = { organizationName: "Sodvin Kunde AS", month: "2026-04", percent: 100, creditPercent: null, creditSettledLater: true, url: "http://localhost:3000/reports/1" };
    expect(renderNotification("report-ready", quarter, "nb").text).toContain("gjøres opp for kvartalet");
    expect(renderNotification("report-ready", quarter, "en").text).toContain("settled for the quarter");
    expect(renderNotification("report-ready", { ...quarter, creditSettledLater: undefined }, "en").text).toContain("not determined");
  });

  it("treats an unknown template or an invalid payload as permanent", () => {
    expect(() => renderNotification("no-such-template", {}, "nb")).toThrow(PermanentDeliveryError);
    expect(() => renderNotification("ticket-receipt", { ...receipt, priority: "P9" }, "nb")).toThrow(/invalid payload for template "ticket-receipt": priority/);
    expect(() => renderNotification("toString", {}, "nb")).toThrow(/unknown notification template/);
  });
});
