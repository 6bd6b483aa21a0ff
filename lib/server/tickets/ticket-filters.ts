import "server-only";
/**
 * The filters of the agents' queue, the customers' list and search (issue 19), in one place: their
 * schema (as the query string carries them), the Prisma where for the queue, and the same filters
 * as SQL for the full-text search (search-tickets.ts). Dates are local days in TIME_ZONE.
 */
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client";
import { instantOfWallClock } from "../../config/time-zone";
import { UUID } from "./scope";
import { PrioritySchema, SupportLineSchema, TicketStatusSchema } from "./schemas";

const blankToUndefined = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");

/** Every filter is optional; an empty form field means "any". */
export const TicketFiltersSchema = z.object({
  organizationId: z.preprocess(blankToUndefined, z.string().regex(UUID, "expected an organisation id").optional()),
  status: z.preprocess(blankToUndefined, TicketStatusSchema.optional()),
  priority: z.preprocess(blankToUndefined, PrioritySchema.optional()),
  line: z.preprocess(blankToUndefined, SupportLineSchema.optional()),
  /** An agent's user id, or "none" for tickets nobody has taken. */
  assigneeId: z.preprocess(blankToUndefined, z.union([z.literal("none"), z.string().regex(UUID, "expected a user id")]).optional()),
  /** Registered on or after this local day. */
  registeredFrom: z.preprocess(blankToUndefined, day.optional()),
  /** Registered on or before this local day. */
  registeredTo: z.preprocess(blankToUndefined, day.optional()),
});
export type TicketFilters = z.infer<typeof TicketFiltersSchema>;

/** The start of a local day (YYYY-MM-DD), `plusDays` later, in the configured zone. */
export function dayStart(iso: string, plusDays = 0): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + plusDays));
  return instantOfWallClock(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function ticketFiltersWhere(f: TicketFilters): Prisma.TicketWhereInput[] {
  const where: Prisma.TicketWhereInput[] = [];
  if (f.organizationId) where.push({ organizationId: f.organizationId });
  if (f.status) where.push({ status: f.status });
  if (f.priority) where.push({ priority: f.priority });
  if (f.line) where.push({ line: f.line });
  if (f.assigneeId) where.push({ assigneeId: f.assigneeId === "none" ? null : f.assigneeId });
  if (f.registeredFrom) where.push({ createdAt: { gte: dayStart(f.registeredFrom) } });
  if (f.registeredTo) where.push({ createdAt: { lt: dayStart(f.registeredTo, 1) } });
  return where;
}

/** The same filters on the table alias `t` ("Ticket"), joined with AND (TRUE when none). */
export function ticketFiltersSql(f: TicketFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.organizationId) parts.push(Prisma.sql`t."organizationId" = ${f.organizationId}::uuid`);
  if (f.status) parts.push(Prisma.sql`t.status = ${f.status}::"TicketStatus"`);
  if (f.priority) parts.push(Prisma.sql`t.priority = ${f.priority}::"Priority"`);
  if (f.line) parts.push(Prisma.sql`t.line = ${f.line}::"SupportLine"`);
  if (f.assigneeId === "none") parts.push(Prisma.sql`t."assigneeId" IS NULL`);
  else if (f.assigneeId) parts.push(Prisma.sql`t."assigneeId" = ${f.assigneeId}::uuid`);
  if (f.registeredFrom) parts.push(Prisma.sql`t."createdAt" >= ${dayStart(f.registeredFrom)}`);
  if (f.registeredTo) parts.push(Prisma.sql`t."createdAt" < ${dayStart(f.registeredTo, 1)}`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}
