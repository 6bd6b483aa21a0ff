import "server-only";
/**
 * Loop and abuse protection, decided from the message alone before anything happens (pure): a
 * bounce, our own mail coming back, an auto-reply, bulk or list mail. Such a mail is stored but
 * makes no ticket, no reply and no notification. (The per-sender rate limit needs the database:
 * ingest-mail.ts.)
 */

export type Classification = { status: "BOUNCE"; reason: "mailer_daemon" | "delivery_status" } | { status: "IGNORED"; reason: "own_message" | "auto_submitted" | "bulk" | "mailing_list" } | null;

export interface ClassifiedMail {
  fromAddress: string;
  /** Header name (lower case) → value. */
  headers: ReadonlyMap<string, string>;
  contentType: { value: string; params: Record<string, string> };
}

const BOUNCE_SENDERS = /^(mailer-daemon|postmaster)@/i;

/** `ownAddresses`: MAIL_FROM's address and every mailbox's address, lower-cased. */
export function classifyMail(mail: ClassifiedMail, ownAddresses: ReadonlySet<string>): Classification {
  const header = (name: string) => mail.headers.get(name)?.trim();
  if (mail.contentType.value === "multipart/report" && (mail.contentType.params["report-type"] ?? "").toLowerCase() === "delivery-status") return { status: "BOUNCE", reason: "delivery_status" };
  if (BOUNCE_SENDERS.test(mail.fromAddress)) return { status: "BOUNCE", reason: "mailer_daemon" };
  if (header("x-helpdesk-notification") !== undefined || ownAddresses.has(mail.fromAddress)) return { status: "IGNORED", reason: "own_message" };
  const autoSubmitted = header("auto-submitted")?.toLowerCase();
  if (autoSubmitted && autoSubmitted.split(";")[0]!.trim() !== "no") return { status: "IGNORED", reason: "auto_submitted" };
  if (/^(bulk|list|junk)$/i.test(header("precedence") ?? "")) return { status: "IGNORED", reason: "bulk" };
  if (header("x-autoreply") !== undefined || header("x-autorespond") !== undefined || /^(oof|autoreply|all)$/i.test(header("x-auto-response-suppress") ?? ""))
    return { status: "IGNORED", reason: "auto_submitted" };
  if (header("list-id") !== undefined || header("list-unsubscribe") !== undefined) return { status: "IGNORED", reason: "mailing_list" };
  return null;
}

/** The address in "Name <a@b>" or "a@b", lower-cased (MAIL_FROM). */
export function addressOf(from: string): string {
  const match = /<([^<>\s]+@[^<>\s]+)>/.exec(from) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(from);
  return (match?.[1] ?? from).trim().toLowerCase();
}
