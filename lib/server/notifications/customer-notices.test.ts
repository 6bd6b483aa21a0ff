import { beforeAll, describe, expect, it } from "vitest";
import { renderNotification } from "./templates";
import { notificationIdOf, solutionLinkToken } from "./solution-link-token";
import { areas } from "../../i18n/messages";

const ticket = { reference: "NL-2026-000123", title: "Skriveren <b>virker</b> ikke" };
const SECRET = "unit-test-secret-0123456789";

describe("customer notices (issue 17)", () => {
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET = SECRET;
    process.env.APP_URL = "https://hjelp.example.no";
  });

  it("escapes the user's content in HTML and keeps it as written in the text part", () => {
    const body = 'Prøv dette:\n<script>alert("x")</script> & restart';
    const r = renderNotification("ticket-reply", { ...ticket, body, author: "Lise <Agent>" }, "nb", { recipientName: "Kari & Co" });
    expect(r.html).not.toContain("<script>");
    expect(r.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; restart");
    expect(r.html).toContain("Lise &lt;Agent&gt;");
    expect(r.html).toContain("Kari &amp; Co");
    expect(r.html).toContain("Skriveren &lt;b&gt;virker&lt;/b&gt; ikke");
    expect(r.html).not.toContain("<b>virker");
    expect(r.text).toContain('<script>alert("x")</script> & restart');
    expect(r.subject).toBe("[NL-2026-000123] Nytt svar i saken din: Skriveren <b>virker</b> ikke");
  });

  it("renders each notice in both languages with the reference in brackets first", () => {
    const samples: Record<string, unknown> = {
      "ticket-reply": { ...ticket, body: "Svar", author: null },
      "ticket-waiting": { ...ticket, question: "Hvilken skriver?" },
      "ticket-solved": { ...ticket, solution: "Byttet toner", confirmationDueAt: "2026-03-07T09:00:00Z" },
      "ticket-closed": { ...ticket, cause: "confirmation_window_passed" },
      "ticket-priority-changed": { ...ticket, from: "P3", to: "P2", reason: "Flere brukere er rammet" },
      "ticket-oncall": { ...ticket },
    };
    for (const [name, payload] of Object.entries(samples)) {
      for (const locale of ["nb", "en"] as const) {
        const r = renderNotification(name, payload, locale, { notificationId: "0193a5b0-0000-7000-8000-000000000001" });
        expect(r.subject.startsWith("[NL-2026-000123] "), `${name} ${locale}`).toBe(true);
        expect(r.html).toContain("<!doctype html>");
      }
    }
    expect(renderNotification("ticket-waiting", samples["ticket-waiting"], "en").text).toContain("paused until you answer");
    expect(renderNotification("ticket-waiting", { ...ticket, question: null }, "nb").text).toContain("står stille til du svarer");
    expect(renderNotification("ticket-priority-changed", samples["ticket-priority-changed"], "en").text).toMatch(/from P3 to P2[\s\S]*Flere brukere er rammet/);
    // 09:00 UTC on 7 March is 10:00 in Oslo (winter time)
    expect(renderNotification("ticket-solved", samples["ticket-solved"], "nb").text).toContain("10:00");
  });

  it("gives a solved notice its accept and reopen links, derived from the notification id", () => {
    const id = "0193a5b0-0000-7000-8000-000000000002";
    const r = renderNotification("ticket-solved", { ...ticket, solution: "Byttet toner", confirmationDueAt: "2026-03-07T09:00:00Z" }, "en", { notificationId: id });
    const token = solutionLinkToken(id);
    expect(r.text).toContain(`Accept the solution: https://hjelp.example.no/sak-svar/${encodeURIComponent(token)}?svar=godta`);
    expect(r.text).toContain(`Reopen the ticket: https://hjelp.example.no/sak-svar/${encodeURIComponent(token)}?svar=gjenapne`);
    expect(r.html).toContain(`href="https://hjelp.example.no/sak-svar/${encodeURIComponent(token)}?svar=godta"`);
    expect(notificationIdOf(token)).toBe(id);
    expect(notificationIdOf(`${id}.${"A".repeat(43)}`)).toBeNull();
    expect(notificationIdOf(solutionLinkToken(id, "another-secret-0123456789"))).toBeNull();
    expect(notificationIdOf("nonsense")).toBeNull();
    // rendered without its notification (a digest line, a preview): no links
    expect(renderNotification("ticket-solved", { ...ticket, solution: "x", confirmationDueAt: "2026-03-07T09:00:00Z" }, "en").text).not.toContain("/sak-svar/");
  });

  it("has every notices key in both languages", () => {
    expect(Object.keys(areas.notices.en).sort()).toEqual(Object.keys(areas.notices.nb).sort());
  });
});
