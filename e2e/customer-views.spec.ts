/**
 * Nothing internal reaches a customer's pages (issue 14): a ticket with every kind of internal event,
 * each carrying a unique planted string; the requester's and the customer admin's pages (the
 * customer admin's monthly report and its CSV included), fetched over HTTP with their session,
 * show none of them (the API answers are crawled in
 * tests/integration/customer-views.test.ts).
 */
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { actAs, registerTicketAs } from "./support/tickets";
import { monthOf } from "../lib/server/reports/month";

const PLANTED = {
  note: "PLANT-e2e-internal-note",
  phone: "PLANT-e2e-internal-phone",
  priorityReason: "PLANT-e2e-priority-reason",
  waitReason: "PLANT-e2e-wait-reason",
  escalationWork: "PLANT-e2e-escalation-worklog",
  securityReason: "PLANT-e2e-security-reason",
  rootCause: "PLANT-e2e-root-cause",
  correctiveActions: "PLANT-e2e-corrective-actions",
  reclassifyReason: "PLANT-e2e-reclassify-reason",
};
const WAIT_MESSAGE = "PUBLIC-e2e-wait-message";

test("the requester's and the customer admin's pages show none of a ticket's internal text", async ({ browser }) => {
  test.setTimeout(90_000); // nine actions, two sign-ins and some fifteen pages
  const ticket = await registerTicketAs("kari@nordlys.example", "Portalen svarer ikke (intern tekst-test)", "P2");
  await actAs(
    [
      { email: "lise@servicedesk.example", action: { type: "triage" } },
      { email: "lise@servicedesk.example", action: { type: "note", body: PLANTED.note } },
      { email: "lise@servicedesk.example", action: { type: "phone", body: PLANTED.phone, visibility: "INTERNAL" } },
      { email: "lise@servicedesk.example", action: { type: "priority", priority: "P1", reason: PLANTED.priorityReason } },
      { email: "lise@servicedesk.example", action: { type: "wait", reason: PLANTED.waitReason, message: WAIT_MESSAGE } },
      { email: "lise@servicedesk.example", action: { type: "escalate", line: "L2", workDone: PLANTED.escalationWork } },
      { email: "admin@servicedesk.example", action: { type: "flag_security", reason: PLANTED.securityReason } },
      { email: "admin@servicedesk.example", action: { type: "rca", rootCause: PLANTED.rootCause, correctiveActions: PLANTED.correctiveActions } },
      { email: "admin@servicedesk.example", action: { type: "reclassify", reason: PLANTED.reclassifyReason } },
    ],
    ticket.id,
  );
  for (const email of ["kari@nordlys.example", "ola@nordlys.example"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    const month = monthOf(new Date(ticket.createdAt));
    const reports = email.startsWith("ola@") ? [`/reports?month=${month}`, `/reports/${month}/csv`] : [];
    const pages = ["/saker", "/saker?priority=P1", "/saker?status=WAITING_FOR_CUSTOMER", `/saker/${ticket.id}`, `/saker/${ticket.id}/kvittering`, "/profile", ...reports];
    let conversation = "";
    for (const path of pages) {
      const response = await page.request.get(path);
      expect(response.status(), `${email} ${path}`).toBe(200);
      const html = await response.text();
      for (const [kind, planted] of Object.entries(PLANTED)) expect(html, `${email} ${path} leaks the ${kind}`).not.toContain(planted);
      if (path === `/saker/${ticket.id}`) conversation = html;
    }
    // The crawl reads the conversation: the message sent with the wait is there.
    expect(conversation).toContain(WAIT_MESSAGE);
    await context.close();
  }
});
