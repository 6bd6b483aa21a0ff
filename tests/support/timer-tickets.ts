/**
 * For tests of real timer processes: P1 tickets on a one-minute target (a 24/7 calendar, see
 * test-customer.ts) registered, by the use case's clock, just under a minute ago, so their
 * deadlines are seconds away whatever the weekday or hour; and the check that each breach was
 * recorded exactly once, with how late.
 */
import { expect } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Actor } from "../../lib/server/actor";
import { registerTicket } from "../../lib/server/tickets";

/** `count` P1 tickets whose one-minute targets run out from `firstInMs` from now, `stepMs` apart; their ids. */
export async function p1sDue(prisma: PrismaClient, requester: Actor, { count, firstInMs, stepMs, label }: { count: number; firstInMs: number; stepMs: number; label: string }): Promise<string[]> {
  const base = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const registeredAt = new Date(base + firstInMs + i * stepMs - 60_000);
    ids.push((await registerTicket({ actor: requester, input: { title: `${label} ${i}`, description: "x", priority: "P1" }, ctx: { prisma, now: () => registeredAt } })).id);
  }
  return ids;
}

/** Polls `read` until `ok`; a read that fails (the database away) is a "not yet". */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    if (performance.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const breachCount = (prisma: PrismaClient, ids: string[]) => prisma.escalation.count({ where: { ticketId: { in: ids }, kind: "BREACH" } });

export interface Lateness {
  /** Breach records' createdAt minus their due instants, in ms. */
  p50: number;
  max: number;
  /** The breach records, for sharper questions. */
  breaches: Array<{ dueAt: Date; createdAt: Date }>;
}

/** Asserts every breach recorded exactly once (record, event, clock) and no warning twice; returns how late they were. */
export async function expectRecordedOnce(prisma: PrismaClient, ids: string[]): Promise<Lateness> {
  const breaches = await prisma.escalation.findMany({ where: { ticketId: { in: ids }, kind: "BREACH" }, select: { ticketId: true, dueAt: true, createdAt: true } });
  expect(new Set(breaches.map((b) => b.ticketId)).size).toBe(ids.length);
  expect(breaches).toHaveLength(ids.length);
  expect(await prisma.ticketEvent.count({ where: { ticketId: { in: ids }, type: "SLA_BREACHED" } })).toBe(ids.length);
  expect(await prisma.slaClock.count({ where: { ticketId: { in: ids }, metric: "RESPONSE", state: "BREACHED" } })).toBe(ids.length);
  // A warning is recorded at most once; one due during an outage is dropped if its clock breached meanwhile (by design).
  const warnings = await prisma.escalation.findMany({ where: { ticketId: { in: ids }, kind: "WARNING" }, select: { ticketId: true } });
  expect(new Set(warnings.map((w) => w.ticketId)).size).toBe(warnings.length);
  const late = breaches.map((b) => b.createdAt.getTime() - b.dueAt!.getTime()).sort((a, b) => a - b);
  return { p50: late[Math.floor(late.length / 2)]!, max: late[late.length - 1]!, breaches: breaches.map((b) => ({ dueAt: b.dueAt!, createdAt: b.createdAt })) };
}
