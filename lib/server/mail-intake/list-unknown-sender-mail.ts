import "server-only";
/**
 * The "ukjent avsender" list: e-mails waiting for an agent to assign them to an organisation or
 * reject them, oldest first (they wait longest), each with a short preview of its text. Staff only.
 */
import { STAFF_ROLES, type Actor } from "../actor";
import { requireRole } from "../tickets/scope";
import type { UseCaseContext } from "../tickets/context";
import { parseMail } from "./parse-mail";
import { stripQuoted } from "./strip-quoted";

export interface UnknownSenderMailView {
  id: string;
  fromAddress: string;
  fromName: string | null;
  subject: string;
  /** ISO instant the mail server received it. */
  receivedAt: string;
  /** Why it waits: unknown_sender, contact_person_required, sender_deactivated, not_processed, ingest_failed (labels: mailIntake.reason.*). */
  reason: string | null;
  /** The organisation the sender's domain or user points to, when one does (e.g. contact_person_required). */
  organizationId: string | null;
  /** The first characters of its text, quoted history stripped. */
  preview: string;
}

const PREVIEW_CHARS = 300;
const MAX_LISTED = 200;

export async function listUnknownSenderMail({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<UnknownSenderMailView[]> {
  requireRole(actor, STAFF_ROLES, "Mail");
  const rows = await ctx.prisma.inboundMail.findMany({
    where: { status: "UNKNOWN_SENDER" },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    take: MAX_LISTED,
    select: { id: true, fromAddress: true, fromName: true, subject: true, receivedAt: true, reason: true, organizationId: true, raw: true },
  });
  const views: UnknownSenderMailView[] = [];
  for (const row of rows) {
    const text = stripQuoted((await parseMail(Buffer.from(row.raw))).text)
      .replace(/\s+/g, " ")
      .trim();
    views.push({
      id: row.id,
      fromAddress: row.fromAddress,
      fromName: row.fromName,
      subject: row.subject,
      receivedAt: row.receivedAt.toISOString(),
      reason: row.reason,
      organizationId: row.organizationId,
      preview: text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text,
    });
  }
  return views;
}
