import "server-only";
/**
 * What the agent's ticket page shows of a security incident (issue 18): for a P1 not yet flagged
 * whose text suggests a personal-data breach, the prompt to flag it (lib/sla/breach-suspicion.ts);
 * for a flagged ticket, its breach-notice clock as of now (lib/sla/breach-notice.ts). Staff only.
 */
import { isStaff, type Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { requireVisibleTicketId } from "../tickets/scope";
import { breachNoticeFacts } from "../tickets/breach-notice-clock";
import { breachNoticeRuleOf, computeBreachNoticeClock, type BreachNoticeRule } from "../../sla/breach-notice";
import { breachSuspicionTerms, suggestsPersonalDataBreach } from "../../sla/breach-suspicion";

export interface BreachNoticeClockView {
  state: "running" | "met" | "breached";
  rule: BreachNoticeRule;
  targetMinutes: number;
  flaggedAt: string;
  dueAt: string;
  notifiedAt: string | null;
  /** Wall-clock minutes left before the deadline (0 once passed). */
  leftMinutes: number;
}

export interface SecurityPanel {
  /** Not flagged, a P1, and its text suggests a breach: the terms found. */
  suggestion: { terms: string[] } | null;
  clock: BreachNoticeClockView | null;
}

export async function getSecurityPanel({ actor, input, ctx }: { actor: Actor; input: { ticketId: string }; ctx: UseCaseContext }): Promise<SecurityPanel> {
  if (!isStaff(actor)) throw notFound();
  const id = await requireVisibleTicketId(ctx.prisma, actor, input.ticketId);
  const ticket = await ctx.prisma.ticket.findUniqueOrThrow({
    where: { id },
    select: { priority: true, title: true, description: true, securityIncident: true, agreementVersion: { select: { label: true, breachNotice: true } } },
  });
  const now = ctx.now();
  const facts = ticket.securityIncident ? await breachNoticeFacts(ctx.prisma, id) : null;
  if (!facts) {
    const suggestion = !ticket.securityIncident && suggestsPersonalDataBreach(ticket) ? { terms: breachSuspicionTerms(`${ticket.title}\n${ticket.description}`) } : null;
    return { suggestion, clock: null };
  }
  const clock = computeBreachNoticeClock({
    rule: breachNoticeRuleOf(ticket.agreementVersion),
    flaggedAt: facts.flaggedAt,
    notifiedAt: facts.notifiedAt && facts.notifiedAt <= now ? facts.notifiedAt : null,
    now,
  });
  return {
    suggestion: null,
    clock: {
      state: clock.state,
      rule: clock.rule,
      targetMinutes: clock.targetMinutes,
      flaggedAt: clock.startedAt.toISOString(),
      dueAt: clock.dueAt.toISOString(),
      notifiedAt: clock.stoppedAt?.toISOString() ?? null,
      leftMinutes: Math.max(0, (clock.dueAt.getTime() - now.getTime()) / 60_000),
    },
  };
}
