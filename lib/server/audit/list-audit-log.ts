import "server-only";
/**
 * The audit log as a page shows it (issue 15), newest first, a page at a time (cursor: the last
 * row's id), with filters: organisation, actor (part of the e-mail address), action (exact, or a
 * prefix ending in "." such as "token."), target type, and a date range in the configured zone.
 *
 * Who sees what, in this one place:
 * - PROVIDER_ADMIN: every row, any organisation's and the provider-wide ones.
 * - CUSTOMER_ADMIN: only rows about their own organisation; never provider-wide rows (no
 *   organisation) nor another organisation's, whatever the filters say; the client address is not
 *   shown to them (it may be a provider employee's).
 * - anyone else: not found.
 */
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import { instantOfWallClock } from "../../config/time-zone";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { UUID } from "../tickets/scope";
import { parseInput, safeString } from "../validation";

export const AUDIT_PAGE_SIZE = 50;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

export const ListAuditLogSchema = z.object({
  organizationId: z.preprocess(blankToUndefined, z.string().regex(UUID, "expected an organisation id").optional()),
  actor: z.preprocess(blankToUndefined, safeString().max(200).optional()),
  action: z.preprocess(blankToUndefined, safeString().max(100).optional()),
  targetType: z.preprocess(blankToUndefined, safeString().max(100).optional()),
  from: z.preprocess(blankToUndefined, day.optional()),
  to: z.preprocess(blankToUndefined, day.optional()),
  cursor: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,19}$/, "expected a row id")
      .optional(),
  ),
  limit: z.number().int().min(1).max(200).optional(),
});
export type ListAuditLogInput = z.input<typeof ListAuditLogSchema>;

export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorEmail: string | null;
  organization: { id: string; name: string } | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** Null for a customer admin (see above). */
  address: string | null;
  changes: AuditChange[];
}

export interface AuditLogPage {
  rows: AuditRow[];
  /** The cursor of the next page, or null on the last one. */
  nextCursor: string | null;
  /** What the filter's choices offer: the actions and target types in the rows the actor may see. */
  actions: string[];
  targetTypes: string[];
  /** Provider admins only: every organisation, for the filter. */
  organizations: Array<{ id: string; name: string }>;
  /** A customer admin's own organisation (the only one they see); null for provider admins. */
  ownOrganization: { id: string; name: string } | null;
}

function visibleWhere(actor: Actor): Prisma.AuditLogWhereInput {
  if (actor.role === "PROVIDER_ADMIN") return {};
  if (actor.role === "CUSTOMER_ADMIN") return { organizationId: actor.organizationId };
  throw notFound("Page");
}

/** The start of a day (YYYY-MM-DD, `plusDays` later) in the configured zone. */
const dayStart = (iso: string, plusDays = 0): Date => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d + plusDays));
  return instantOfWallClock(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
};

const show = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === "string" ? v : JSON.stringify(v));
const asObject = (v: Prisma.JsonValue | null): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null ? {} : { value: v });

/** Before and after as one line per field that is in either side and differs. */
export function changesOf(before: Prisma.JsonValue | null, after: Prisma.JsonValue | null): AuditChange[] {
  const b = asObject(before);
  const a = asObject(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null)).map((field) => ({ field, before: show(b[field]), after: show(a[field]) }));
}

export async function listAuditLog({ actor, input: raw, ctx }: { actor: Actor; input: ListAuditLogInput; ctx: UseCaseContext }): Promise<AuditLogPage> {
  const visible = visibleWhere(actor);
  const input = parseInput(ListAuditLogSchema, raw);
  const limit = input.limit ?? AUDIT_PAGE_SIZE;
  const filters: Prisma.AuditLogWhereInput[] = [visible];
  if (input.organizationId) filters.push({ organizationId: input.organizationId });
  if (input.actor) filters.push({ actorEmail: { contains: input.actor, mode: "insensitive" } });
  if (input.action) filters.push(input.action.endsWith(".") ? { action: { startsWith: input.action } } : { action: input.action });
  if (input.targetType) filters.push({ targetType: input.targetType });
  if (input.from) filters.push({ at: { gte: dayStart(input.from) } });
  if (input.to) filters.push({ at: { lt: dayStart(input.to, 1) } });
  if (input.cursor) filters.push({ id: { lt: BigInt(input.cursor) } });

  const [found, actions, targetTypes] = await Promise.all([
    ctx.prisma.auditLog.findMany({ where: { AND: filters }, orderBy: { id: "desc" }, take: limit + 1 }),
    ctx.prisma.auditLog.findMany({ where: visible, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    ctx.prisma.auditLog.findMany({ where: visible, distinct: ["targetType"], select: { targetType: true }, orderBy: { targetType: "asc" } }),
  ]);
  const page = found.slice(0, limit);
  const orgIds = [...new Set(page.map((r) => r.organizationId).filter((id): id is string => id !== null))];
  const provider = actor.role === "PROVIDER_ADMIN";
  const [named, organizations, own] = await Promise.all([
    ctx.prisma.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
    provider ? ctx.prisma.organization.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }) : Promise.resolve([]),
    provider ? Promise.resolve(null) : ctx.prisma.organization.findUnique({ where: { id: actor.organizationId }, select: { id: true, name: true } }),
  ]);
  const byId = new Map(named.map((o) => [o.id, o]));
  return {
    rows: page.map((r) => ({
      id: r.id.toString(),
      at: r.at,
      actorEmail: r.actorEmail,
      organization: r.organizationId ? (byId.get(r.organizationId) ?? null) : null,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      address: provider ? r.address : null,
      changes: changesOf(r.before, r.after),
    })),
    nextCursor: found.length > limit ? page.at(-1)!.id.toString() : null,
    actions: actions.map((r) => r.action),
    targetTypes: targetTypes.map((r) => r.targetType),
    organizations,
    ownOrganization: own,
  };
}
