import "server-only";
/**
 * A warning or breach whose escalation rule says `page` (AgreementVersion.escalationRules,
 * lib/server/escalation/rules.ts) pages the on-call person if, at the instant the timer was due,
 * the ticket is an on-call case (lib/sla/oncall's isOnCallCase: the office closed and the ticket's
 * target running, or a P1 inside the customer's on-call option). In office hours the assignee
 * and the leads are told as usual and nobody is woken. Once per ticket and reason: the SLA timer
 * worker calls this for a timer it recorded and for a duplicate delivery alike (a crash between
 * the record and the page is made good by the retry).
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { onCallConfig, type OnCallConfig } from "./config";
import { onCallTicket } from "./out-of-hours";
import { pageOnCall } from "./page-on-call";

export interface FiredTimerPage {
  ticketId: string;
  kind: "warning" | "breach";
  threshold?: number | null | undefined;
  /** The instant the timer was due. */
  at: Date;
}

/** The page reason of a timer: "breach", or "warning_0.75". */
export const firedTimerReason = (t: Pick<FiredTimerPage, "kind" | "threshold">): string => (t.kind === "breach" ? "breach" : `warning_${t.threshold ?? 0}`);

export async function pageForFiredTimers({
  prisma,
  timers,
  now,
  config = onCallConfig(),
}: {
  prisma: PrismaClient;
  timers: readonly FiredTimerPage[];
  now: Date;
  config?: OnCallConfig;
}): Promise<string[]> {
  const paged: string[] = [];
  for (const timer of timers) {
    const id = await prisma.$transaction(async (tx) => {
      const ticket = await onCallTicket(tx, timer.ticketId);
      if (!ticket || !ticket.running || !ticket.isCase(timer.at)) return null;
      return pageOnCall(tx, { ticketId: timer.ticketId, reason: firedTimerReason(timer), now, config });
    });
    if (id) paged.push(id);
  }
  return paged;
}
