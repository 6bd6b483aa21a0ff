import "server-only";
/**
 * The one writer of the audit log (issue 15): every change an admin makes (organisation,
 * agreement, calendar, user, role, token, webhook, mailbox, month closed) and every sign-in,
 * failed sign-in and 2FA change. Call it with the transaction that makes the change, so the row
 * exists exactly when the change does. The table is append-only in the database (a trigger
 * refuses UPDATE, DELETE and TRUNCATE; see the migration `audit_log`).
 */
import type { Prisma } from "../../generated/prisma/client";
import type { DbClient } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import type { AuditAction, AuditTargetType } from "./actions";

export interface AuditActor {
  userId: string;
  email: string;
}

export interface AuditEntry {
  /** Who acted; null for the system or an anonymous caller (a failed sign-in names `email`). */
  actor: AuditActor | null;
  /** The address tried when nobody is signed in (a failed sign-in, a reset request). */
  email?: string | null;
  /** "<area>.<verb>", e.g. "organization.create", "user.deactivate", "auth.sign_in_failed": one of AUDIT_ACTIONS (./actions), each with a label in both languages. */
  action: AuditAction;
  /** The Prisma model the row concerns, one of AUDIT_TARGET_TYPES. */
  targetType: AuditTargetType;
  targetId?: string | null;
  /** The customer organisation the change concerns (its customer admins see the row); null = provider-wide. */
  organizationId: string | null;
  /** The changed fields before and after (never a secret or a password hash: say that it changed). */
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

/** Writes one audit row at ctx.now(), from ctx.clientAddress. */
export async function writeAudit(db: DbClient, ctx: Pick<UseCaseContext, "now" | "clientAddress">, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      at: ctx.now(),
      actorId: entry.actor?.userId ?? null,
      actorEmail: entry.actor?.email ?? entry.email ?? null,
      organizationId: entry.organizationId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      address: ctx.clientAddress ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}

/** The fields of `after` that differ from `before`, each side restricted to them (for an update's row). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Prisma.InputJsonObject; after: Prisma.InputJsonObject } | null {
  const keys = Object.keys(after).filter((k) => after[k] !== undefined && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (keys.length === 0) return null;
  const pick = (o: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, (o[k] ?? null) as Prisma.InputJsonValue])) as Prisma.InputJsonObject;
  return { before: pick(before), after: pick(after) };
}
