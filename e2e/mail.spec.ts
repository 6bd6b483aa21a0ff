import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "./support/test";
import { signIn } from "./support/sign-in";
import { createPrisma } from "../lib/server/db/prisma";
import { secretsKeyFromEnv } from "../lib/server/secrets";
import { ingestMail } from "../lib/server/mail-intake";
import { pollMailbox } from "../lib/server/mail-intake/imap/poll-mailbox";
import { createTransport, deliverDueNotifications } from "../lib/server/notifications";
import { startDovecot, type Dovecot } from "../tests/support/dovecot";
import { startSmtpSink, type SmtpSink } from "../tests/support/smtp-sink";

/**
 * E-mail both ways in the browser (issue 17), against a private Dovecot and the SMTP sink: a
 * provider admin adds the support mailbox and tests its connection; a customer's e-mail arrives
 * and becomes a ticket; the agent sees it came by e-mail (sender, recipients, the original) and
 * answers in the app; the customer's reply to that very notice (In-Reply-To its Message-ID) shows
 * in the timeline. The intake's poll runs here, as the mail-intake worker would run it. Also: an
 * unknown sender's mail waits on the agents' list until an agent assigns it to a customer.
 */
const run = randomBytes(3).toString("hex");
const SUPPORT = `support-${run}@servicedesk.example`;
const PASSWORD = `imap-${run}`;
const KARI = "kari@nordlys.example";
const prisma = createPrisma(undefined, 2);
let dovecot: Dovecot;
let sink: SmtpSink;

test.beforeAll(async () => {
  dovecot = await startDovecot([{ user: SUPPORT, password: PASSWORD }]);
  sink = await startSmtpSink();
});
test.afterAll(async () => {
  await dovecot?.stop();
  await sink?.close();
  await prisma.$disconnect();
});

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const mail = (headers: Record<string, string>, body: string) =>
  [...Object.entries({ ...headers, "MIME-Version": "1.0", "Content-Type": "text/plain; charset=utf-8", "Content-Transfer-Encoding": "8bit" }).map(([k, v]) => `${k}: ${v}`), "", body, ""].join("\r\n");

/**
 * The instants the mails arrive (their INTERNALDATE) and are read, chosen: a Monday in office
 * hours, so what the test sees never depends on when it runs. The agent answers later, at the
 * server's own time; intake times a reply after the ticket's last event.
 */
const FIRST_RECEIVED = new Date("2026-11-23T09:00:00Z");
const REPLY_RECEIVED = new Date("2026-11-23T11:00:00Z");
const UNKNOWN_RECEIVED = new Date("2026-11-23T09:30:00Z");

/** One poll of the support mailbox through the real ingest at `at`, as the mail-intake worker does it. */
async function poll(at: Date): Promise<number> {
  const mailbox = await prisma.mailbox.findUniqueOrThrow({ where: { address: SUPPORT }, select: { id: true } });
  const ctx = { prisma, now: () => at };
  const result = await pollMailbox({ ctx, mailboxId: mailbox.id, ingest: (m) => ingestMail(ctx, m), secretsKey: secretsKeyFromEnv() });
  return result.taken;
}

/** Delivers the mail due to `email` into the sink, at the instant the newest notice falls due (the state the server wrote). */
async function deliverTo(email: string): Promise<void> {
  const due = await prisma.notification.findFirstOrThrow({ where: { channel: "EMAIL", status: "PENDING", recipient: { email } }, orderBy: { nextAttemptAt: "desc" }, select: { nextAttemptAt: true } });
  const transport = createTransport({ SMTP_URL: sink.url, MAIL_FROM: "Helpdesk <helpdesk@servicedesk.example>" });
  try {
    await deliverDueNotifications({ prisma, transport, now: due.nextAttemptAt, limit: 500, throttle: { maxPerWindow: 10_000, windowMinutes: 10 } });
  } finally {
    transport.close();
  }
}

test("a customer's e-mail arrives, an agent answers in the app, the customer's reply by mail shows in the timeline", async ({ browser }) => {
  test.setTimeout(180_000);
  const subject = `Skanneren i 2. etasje virker ikke (${run})`;
  const firstId = `<first-${run}@nordlys.example>`;
  await dovecot.appendMail(
    SUPPORT,
    mail(
      { From: `Kari Nordmann <${KARI}>`, To: SUPPORT, Cc: "per@nordlys.example", Subject: subject, "Message-ID": firstId, Date: FIRST_RECEIVED.toUTCString() },
      "Skanneren sier «papirstopp» hele tiden.\r\nHilsen Kari",
    ),
    { internalDate: FIRST_RECEIVED },
  );

  // The provider admin adds the support mailbox: the connection test counts the message waiting, then it is saved.
  const admin = await signedIn(browser, "admin@servicedesk.example");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: /E-postmottak/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "E-postmottak" })).toBeVisible();
  await admin.getByRole("link", { name: "Legg til postkasse" }).click();
  await admin.getByLabel("Navn", { exact: true }).fill("Support");
  await admin.getByLabel("E-postadresse").fill(SUPPORT);
  await admin.getByLabel("IMAP-server").fill(dovecot.host);
  await admin.getByLabel("Port").fill(String(dovecot.port));
  await admin.getByLabel("Kryptert tilkobling (TLS)").uncheck();
  await admin.getByLabel("Brukernavn").fill(SUPPORT);
  await admin.getByLabel("Passord", { exact: true }).fill("feil-passord");
  await admin.getByRole("button", { name: "Test tilkoblingen" }).click();
  await expect(admin.getByTestId("mailbox-test-result")).toContainText("Innloggingen ble avvist", { timeout: 20_000 });
  await admin.getByLabel("Passord", { exact: true }).fill(PASSWORD);
  await admin.getByRole("button", { name: "Test tilkoblingen" }).click();
  await expect(admin.getByTestId("mailbox-test-result")).toHaveText("Tilkoblingen virker: mappen INBOX har 1 meldinger.", { timeout: 20_000 });
  // Testing kept what was typed.
  await expect(admin.getByLabel("IMAP-server")).toHaveValue(dovecot.host);
  await admin.getByRole("button", { name: "Legg til postkassen" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Postkassen er lagt til" })).toBeVisible();
  await expect(admin.getByLabel("Passord", { exact: false })).toHaveValue("");
  await admin.getByRole("link", { name: "E-postmottak" }).click();
  const row = admin.getByTestId("mailboxes").getByRole("row").filter({ hasText: SUPPORT });
  await expect(row).toContainText(`${dovecot.host}:${dovecot.port}`);
  await expect(row).toContainText("Aktiv");
  await expect(row).toContainText("Ikke lest ennå");

  // The intake takes the mail in: a ticket of Nordlys from Kari, registered when Dovecot received it.
  expect(await poll(FIRST_RECEIVED)).toBe(1);
  const first = await prisma.inboundMail.findUniqueOrThrow({ where: { messageId: firstId }, select: { id: true, status: true, ticketId: true } });
  expect(first.status).toBe("TICKET");
  const ticketId = first.ticketId!;
  expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { createdAt: true, channel: true } })).toEqual({ createdAt: FIRST_RECEIVED, channel: "EMAIL" });
  await admin.reload();
  await expect(admin.getByTestId("mailboxes").getByRole("row").filter({ hasText: SUPPORT })).not.toContainText("Ikke lest ennå");
  await admin.screenshot({ path: "e2e/screenshots/admin-mailboxes.png", fullPage: true });

  // The agent's ticket page: it came by e-mail, from Kari to the support address, with the original to download.
  const lise = await signedIn(browser, "lise@servicedesk.example");
  await lise.goto(`/arbeid/saker/${ticketId}`);
  await expect(lise.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(lise.getByTestId("requester")).toContainText(KARI);
  const registered = lise.getByTestId("timeline").locator('[data-event-type="REGISTERED"]');
  await expect(registered.getByTestId("message-channel")).toHaveText("E-post");
  await expect(registered.getByTestId("mail-from")).toHaveText(`Kari Nordmann <${KARI}>`);
  await expect(registered.getByTestId("mail-to")).toHaveText(SUPPORT);
  await expect(registered.getByTestId("mail-cc")).toHaveText("per@nordlys.example");
  await expect(registered).toContainText("papirstopp");
  const original = registered.getByRole("link", { name: /Vis original e-post/ });
  const download = await lise.request.get((await original.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("message/rfc822");
  expect(download.headers()["content-disposition"]).toBe(`attachment; filename="${first.id}.eml"`);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await download.text()).toContain(`Message-ID: ${firstId}`);

  // The agent answers in the app; the notice goes to Kari by mail.
  await lise.getByLabel("Svar (synlig for kunden)").fill("Prøv å rense valsene med en fuktig klut.");
  await lise.getByRole("button", { name: "Send svar" }).click();
  await expect(lise.getByRole("status").filter({ hasText: "Svaret er sendt." })).toBeVisible();
  const agentReply = lise.getByTestId("timeline").getByRole("listitem").filter({ hasText: "Prøv å rense valsene" });
  await expect(agentReply.getByTestId("message-channel")).toHaveText("Portal");
  await deliverTo(KARI);
  const notice = sink.to(KARI).find((m) => m.headers.get("x-helpdesk-template") === "ticket-reply" && m.text.includes("rense valsene"));
  expect(notice, "the agent's answer by mail to Kari").toBeTruthy();
  expect(notice!.headers.get("reply-to")).toBe(SUPPORT);

  // Kari answers that very mail from her mail program: In-Reply-To its Message-ID, with the quote below.
  // The subject loses the ticket reference, so only the header can thread it.
  const replyId = `<reply-${run}@nordlys.example>`;
  await dovecot.appendMail(
    SUPPORT,
    mail(
      {
        From: `Kari Nordmann <${KARI}>`,
        To: SUPPORT,
        Subject: `Re: ${notice!.subject.replace(/\[[^\]]+\]\s*/, "")}`,
        "Message-ID": replyId,
        "In-Reply-To": notice!.messageId,
        References: notice!.messageId,
        Date: REPLY_RECEIVED.toUTCString(),
      },
      `Det hjalp ikke, den stopper fortsatt.\r\n\r\nOn ${FIRST_RECEIVED.toUTCString()}, Helpdesk wrote:\r\n> Prøv å rense valsene med en fuktig klut.\r\n`,
    ),
    { internalDate: REPLY_RECEIVED },
  );
  expect(await poll(REPLY_RECEIVED)).toBe(1);
  expect(await prisma.inboundMail.findUniqueOrThrow({ where: { messageId: replyId }, select: { status: true, ticketId: true } })).toEqual({ status: "REPLY", ticketId });

  await lise.reload();
  const customerReply = lise.getByTestId("timeline").getByRole("listitem").filter({ hasText: "Det hjalp ikke, den stopper fortsatt." });
  await expect(customerReply).toBeVisible();
  await expect(customerReply.getByTestId("message-channel")).toHaveText("E-post");
  await expect(customerReply.getByTestId("mail-from")).toHaveText(`Kari Nordmann <${KARI}>`);
  await expect(customerReply).not.toContainText("Helpdesk wrote");
  await lise.screenshot({ path: "e2e/screenshots/agent-ticket-email.png", fullPage: true });
});

test("an unknown sender's mail waits for an agent, who assigns it to a customer", async ({ browser }) => {
  test.setTimeout(120_000);
  const stranger = `ny-${run}@ukjent-${run}.example`;
  const subject = `Hjelp med e-posten (${run})`;
  await dovecot.appendMail(
    SUPPORT,
    mail(
      { From: `Nina Ny <${stranger}>`, To: SUPPORT, Subject: subject, "Message-ID": `<unknown-${run}@ukjent.example>`, Date: UNKNOWN_RECEIVED.toUTCString() },
      "Vi får ikke sendt e-post fra Outlook.",
    ),
    { internalDate: UNKNOWN_RECEIVED },
  );
  expect(await poll(UNKNOWN_RECEIVED)).toBe(1);

  const lise = await signedIn(browser, "lise@servicedesk.example");
  await expect(lise.getByTestId("unknown-sender-link")).toHaveText(/Ukjent avsender \(\d+\)/);
  await lise.getByTestId("unknown-sender-link").click();
  await expect(lise.getByRole("heading", { level: 1, name: "Ukjent avsender" })).toBeVisible();
  const waiting = lise.getByTestId("unknown-sender-mail").filter({ hasText: subject });
  await expect(waiting).toContainText(`Nina Ny <${stranger}>`);
  await expect(waiting).toContainText("Vi får ikke sendt e-post fra Outlook.");
  await lise.screenshot({ path: "e2e/screenshots/unknown-sender.png", fullPage: true });
  await waiting.getByLabel("Kunde", { exact: true }).selectOption({ label: "Nordlys Eiendom AS" });
  await waiting.getByRole("button", { name: `Knytt e-posten fra ${stranger} til kunden` }).click();
  await expect(lise.getByRole("status").filter({ hasText: "E-posten er registrert som sak hos kunden." })).toBeVisible();
  await expect(lise.getByTestId("unknown-sender-mail").filter({ hasText: subject })).toHaveCount(0);
  await lise.getByRole("link", { name: "Åpne saken" }).click();
  await expect(lise.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(lise.getByTestId("requester")).toContainText(stranger);
});
