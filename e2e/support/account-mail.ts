/**
 * Account mails in the browser tests: the invitation or reset mail is delivered into a real SMTP
 * sink by the same notification pass the workers run, and its one-time link is followed to choose
 * a password (e2e/invitations.spec.ts, e2e/day-one.spec.ts).
 */
import { expect, type Page } from "@playwright/test";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { createTransport, deliverDueNotifications } from "../../lib/server/notifications";
import type { SmtpSink } from "../../tests/support/smtp-sink";

/** Runs the delivery pass into the sink and returns the link (path and query) in the newest mail to `email`. */
export async function linkMailedTo(prisma: PrismaClient, sink: SmtpSink, email: string): Promise<string> {
  // Delivered at the instant the newest mail to this address falls due (the state the server wrote), not at the wall clock.
  const due = await prisma.notification.findFirstOrThrow({
    where: { channel: "EMAIL", status: "PENDING", OR: [{ address: email }, { recipient: { email } }] },
    orderBy: { nextAttemptAt: "desc" },
    select: { nextAttemptAt: true },
  });
  const transport = createTransport({ SMTP_URL: sink.url, MAIL_FROM: "Helpdesk <helpdesk@servicedesk.example>" });
  try {
    await deliverDueNotifications({ prisma, transport, now: due.nextAttemptAt, limit: 500, throttle: { maxPerWindow: 10_000, windowMinutes: 10 } });
  } finally {
    transport.close();
  }
  const text = sink.to(email).at(-1)?.text ?? "";
  const link = /https?:\/\/\S+\/passord\/ny\?token=[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  expect(link, `a link in the mail to ${email}`).toBeTruthy();
  return new URL(link!).pathname + new URL(link!).search;
}

/** Opens the link and saves the password; the page confirms it. */
export async function choosePassword(page: Page, path: string, password: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel("Nytt passord").fill(password);
  await page.getByLabel("Gjenta passordet").fill(password);
  await page.getByRole("button", { name: "Lagre passord" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Passordet er lagret" })).toBeVisible();
}
