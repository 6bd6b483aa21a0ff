/** /arbeid/saker/[id]: the agent's ticket page — details, live clock, the full timeline and every action. */
import { filePickerText } from "@/lib/server/attachments/picker-text";
import type { Metadata } from "next";
import type { MessageKey } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { DEFAULT_WARNING_THRESHOLD, listQueue } from "@/lib/server/tickets/list-queue";
import { defaultContext, getStaffTicket, listTicketEvents } from "@/lib/server/tickets";
import { withSession } from "@/lib/server/http/session";
import { mayWriteTicket } from "@/lib/server/tickets/scope";
import { readTicketMail } from "@/lib/server/agent-mail";
import { AgentLiveRefresh } from "@/components/agent-live-refresh";
import { AgentShortcuts } from "@/components/agent-shortcuts";
import { AgentTimeline } from "@/components/agent-timeline";
import { Badge } from "@/components/badge";
import { ButtonLink } from "@/components/button-link";
import { ClockBadge } from "@/components/clock-badge";
import { ClockText } from "@/components/clock-text";
import { PageHeader } from "@/components/page-header";
import { PriorityBadge } from "@/components/priority-badge";
import { StatusBadge } from "@/components/status-badge";
import { StatusMessage } from "@/components/status-message";
import { RequesterLine } from "@/components/requester-line";
import { AGENT_ACTIONS } from "../../form-schemas";
import { TicketActions } from "./ticket-actions";
import { getSecurityPanel } from "@/lib/server/security/get-security-panel";
import { SecurityIncidentPanel } from "@/components/security-incident-panel";
import { TicketAssignment } from "./ticket-assignment";
import { RelatedTickets } from "./related-tickets";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: id.slice(0, 8) };
}

const SHORTCUTS = ["s", "r", "n", "t", "e", "p", "w", "l"] as const;

export default async function AgentTicketPage({ params, searchParams }: { params: Params; searchParams: Promise<{ done?: string }> }) {
  const { id } = await params;
  const { actor, t, found } = await withSession("staff", `/arbeid/saker/${id}`);
  const ctx = defaultContext();
  const [ticket, events, mail, security, { done }] = await Promise.all([
    found(getStaffTicket({ actor, input: { id }, ctx })),
    found(listTicketEvents({ actor, input: { id }, ctx })),
    found(readTicketMail({ actor, input: { ticketId: id }, ctx })),
    found(getSecurityPanel({ actor, input: { ticketId: id }, ctx })),
    searchParams,
  ]);
  // The queue's view of the same ticket adds the customer's name and the agreement's first warning threshold.
  const queued = (await listQueue({ actor, input: { search: ticket.reference, status: ticket.status, limit: 1 }, ctx: defaultContext() })).items.find((i) => i.id === ticket.id);
  const now = new Date();
  const doneKey =
    done === "notify_customer"
      ? "security.done.notify_customer"
      : done && (AGENT_ACTIONS as readonly string[]).includes(done) && done !== "escalate"
        ? (`agent.done.${done}` as MessageKey)
        : undefined;
  const assignee = ticket.assigneeId === null ? t("agent.ticket.unassigned") : ticket.assigneeId === actor.userId ? t("agent.ticket.assignedToYou") : t("agent.ticket.assignedToOther");
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-8 sm:px-6">
      <PageHeader
        title={ticket.title}
        lead={<span className="font-mono">{ticket.reference}</span>}
        actions={<ButtonLink href={`/arbeid?line=${ticket.line}`}>{t("agent.ticket.backToQueue")}</ButtonLink>}
      />
      {doneKey && <StatusMessage message={t(doneKey)} />}
      <SecurityIncidentPanel panel={security} now={now} t={t} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="details">
            <h2 id="details" className="sr-only">
              {t("agent.ticket.details")}
            </h2>
            <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-300 bg-white p-5 sm:grid-cols-[auto_1fr]">
              <dt className="font-medium text-slate-700">{t("agent.ticket.organization")}</dt>
              <dd data-testid="organization">{queued?.organizationName ?? ""}</dd>
              <dt className="font-medium text-slate-700">{t("mailUi.requester")}</dt>
              <dd data-testid="requester">
                <RequesterLine requester={mail.requester} now={now} locale={t.locale} />
              </dd>
              <dt className="font-medium text-slate-700">{t("agent.ticket.clock")}</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <ClockBadge clock={ticket.sla.response} warningThreshold={queued?.warningThreshold ?? DEFAULT_WARNING_THRESHOLD} locale={t.locale} renderedAt={now.toISOString()} />
                <span className="text-sm">
                  <ClockText clock={ticket.sla.response} now={now} locale={t.locale} />
                </span>
              </dd>
              <dt className="font-medium text-slate-700">{t("agent.ticket.status")}</dt>
              <dd>
                <StatusBadge status={ticket.status} locale={t.locale} />
              </dd>
              <dt className="font-medium text-slate-700">{t("agent.ticket.priority")}</dt>
              <dd className="flex flex-wrap gap-2">
                <PriorityBadge priority={ticket.priority} locale={t.locale} />
                {ticket.securityIncident && <Badge tone="danger">{t("agent.ticket.security")}</Badge>}
              </dd>
              <dt className="font-medium text-slate-700">{t("agent.ticket.line")}</dt>
              <dd data-testid="line">{t(`agent.queue.line.${ticket.line}`)}</dd>
              <dt className="font-medium text-slate-700">{t("agent.ticket.assignee")}</dt>
              <dd>{assignee}</dd>
              <dt className="font-medium text-slate-700">{t("agent.ticket.registered")}</dt>
              <dd>{formatDateTime(ticket.createdAt, now, t.locale)}</dd>
              {ticket.slaExclusionReason && (
                <>
                  <dt className="sr-only">{t("agent.ticket.clock")}</dt>
                  <dd className="sm:col-span-2">{t("agent.ticket.excluded", { reason: ticket.slaExclusionReason })}</dd>
                </>
              )}
            </dl>
          </section>
          <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
            <h2 id="timeline-heading" className="text-xl font-semibold">
              {t("agent.timeline.title")}
            </h2>
            <AgentTimeline ticket={ticket} events={events} me={actor.userId} now={now} locale={t.locale} sources={mail.sources} />
          </section>
        </div>
        <aside aria-labelledby="actions-heading" className="flex flex-col gap-4">
          <h2 id="actions-heading" className="text-xl font-semibold">
            {t("agent.actions.title")}
          </h2>
          {ticket.priority === "P1" && (
            <ButtonLink href={`/arbeid/hendelser?sak=${ticket.id}#new-heading`} data-testid="open-incident-from-ticket">
              {t("incidents.open.fromTicketButton")}
            </ButtonLink>
          )}
          <AgentShortcuts title={t("agent.shortcuts.title")} intro={t("agent.shortcuts.intro")} shortcuts={SHORTCUTS.map((key) => ({ key, label: t(`agent.shortcuts.${key}`) }))} />
          <TicketAssignment ticket={ticket} actor={actor} t={t} />
          {mayWriteTicket(actor, ticket) && <TicketActions key={events.length} ticket={ticket} events={events} t={t} files={filePickerText(t)} />}
          <RelatedTickets ticketId={ticket.id} actor={actor} t={t} now={now} />
          <AgentLiveRefresh label={t("agent.queue.live")} />
        </aside>
      </div>
    </main>
  );
}
