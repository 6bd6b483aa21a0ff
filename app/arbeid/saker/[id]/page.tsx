/**
 * /arbeid/saker/[id]: the agent's ticket page (issue 19). The timeline is the main column with one
 * composer under it (reply or internal note, status on send, files, macros); the side panel holds
 * the ticket's facts, the requester and their other open tickets, who else is viewing, and the
 * less frequent actions as dialogs. Keyboard first: the shortcuts of components/agent-shortcuts.tsx.
 */
import { filePickerText } from "@/lib/server/attachments/picker-text";
import type { Metadata } from "next";
import Link from "next/link";
import type { MessageKey } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { getQueueItem } from "@/lib/server/tickets/list-queue";
import { defaultContext, listTicketEvents } from "@/lib/server/tickets";
import { getTicketPeople } from "@/lib/server/tickets/ticket-people";
import { renderMacros } from "@/lib/server/macros/render-macro";
import { PRESENCE_HEARTBEAT_MS, touchTicketPresence } from "@/lib/server/presence/ticket-viewers";
import { withSession } from "@/lib/server/http/session";
import { mayWriteTicket } from "@/lib/server/tickets/scope";
import { ACTIVE } from "@/lib/server/tickets/actions/action-context";
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
import { TicketComposer, type ComposerStatus } from "@/components/ticket-composer";
import { TicketPresence } from "@/components/ticket-presence";
import { AGENT_ACTIONS } from "../../form-schemas";
import { HIGHER, TicketActions } from "./ticket-actions";
import { heartbeatPresence, sendComposer } from "./actions";
import { getSecurityPanel } from "@/lib/server/security/get-security-panel";
import { SecurityIncidentPanel } from "@/components/security-incident-panel";
import { TicketAssignment } from "./ticket-assignment";
import { PrioritySchema } from "@/lib/server/tickets/schemas";
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
  const [ticket, events, mail, security, people, macros, { done }] = await Promise.all([
    // The ticket as the queue shows it: its view, the customer's name and the agreement's first warning threshold.
    found(getQueueItem({ actor, input: { id }, ctx })),
    found(listTicketEvents({ actor, input: { id }, ctx })),
    found(readTicketMail({ actor, input: { ticketId: id }, ctx })),
    found(getSecurityPanel({ actor, input: { ticketId: id }, ctx })),
    found(getTicketPeople({ actor, input: { ticketId: id }, ctx })),
    found(renderMacros({ actor, input: { ticketId: id }, ctx })),
    searchParams,
  ]);
  // Presence is a courtesy: Redis being away shows nobody rather than failing the page. The live
  // refresh renders this again, so the panel (keyed by who is there) follows without a heartbeat.
  const viewers = await touchTicketPresence({ actor, input: { ticketId: id }, ctx }).catch(() => []);
  const now = new Date();
  const doneKey: MessageKey | undefined =
    done === "notify_customer"
      ? "security.done.notify_customer"
      : done === "registered"
        ? "assignment.register.done"
        : done && (AGENT_ACTIONS as readonly string[]).includes(done) && done !== "escalate"
          ? (`agent.done.${done}` as MessageKey)
          : undefined;
  const assignee = ticket.assigneeId === null ? t("agent.ticket.unassigned") : ticket.assigneeId === actor.userId ? t("agent.ticket.assignedToYou") : t("agent.ticket.assignedToOther");
  const active = ACTIVE.includes(ticket.status);
  // Staff read every ticket; only those who may write it (its line and above, its assignee) get the composer and the actions (scope.ts).
  const writable = mayWriteTicket(actor, ticket);
  const statuses: ComposerStatus[] = !active ? ["keep"] : ticket.status === "WAITING_FOR_CUSTOMER" ? ["keep", "SOLVED"] : ["keep", "WAITING_FOR_CUSTOMER", "SOLVED"];
  const seenEventId = events.at(-1)?.id ?? "0";
  // The composer starts empty again after the agent's own send (not when a colleague's event arrives).
  const myLastEvent = events.filter((e) => e.actorId === actor.userId).at(-1)?.id ?? "0";
  const r = people.requester;
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-6 sm:px-6">
      <PageHeader
        title={ticket.title}
        lead={<span className="font-mono">{ticket.reference}</span>}
        actions={
          <>
            <ButtonLink href="/arbeid/makroer">{t("workspace.macros.link")}</ButtonLink>
            <ButtonLink href={`/arbeid?line=${ticket.line}`}>{t("agent.ticket.backToQueue")}</ButtonLink>
          </>
        }
      />
      <TicketPresence
        key={viewers.map((v) => v.userId).join(",")}
        ticketId={ticket.id}
        initial={viewers}
        heartbeat={heartbeatPresence}
        heartbeatMs={PRESENCE_HEARTBEAT_MS}
        others={t("workspace.presence.others")}
        alone={t("workspace.presence.alone")}
      />
      {doneKey && <StatusMessage message={t(doneKey)} />}
      <SecurityIncidentPanel panel={security} now={now} t={t} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
            <h2 id="timeline-heading" className="text-xl font-semibold">
              {t("agent.timeline.title")}
            </h2>
            <AgentTimeline ticket={ticket} events={events} me={actor.userId} now={now} locale={t.locale} sources={mail.sources} authors={people.authors} />
          </section>
          {writable && ticket.status !== "CLOSED" && (
            <section aria-label={t("workspace.composer.title")}>
              <TicketComposer
                key={myLastEvent}
                formAction={sendComposer}
                ticketId={ticket.id}
                seenEventId={seenEventId}
                statuses={statuses}
                canReply={active}
                priorities={active ? PrioritySchema.options.filter((p) => p !== ticket.priority).map((p) => ({ value: p, label: `${p} ${t(`common.priority.${p}`)}` })) : []}
                lines={active ? HIGHER[ticket.line].map((l) => ({ value: l, label: t("workspace.composer.line.to", { line: t(`agent.queue.line.${l}`) }) })) : []}
                macros={macros}
                files={filePickerText(t)}
                text={{
                  title: t("workspace.composer.title"),
                  mode: t("workspace.composer.mode"),
                  reply: t("workspace.composer.mode.reply"),
                  note: t("workspace.composer.mode.note"),
                  bodyReply: t("workspace.composer.body.reply"),
                  bodyNote: t("workspace.composer.body.note"),
                  status: t("workspace.composer.status"),
                  statuses: {
                    keep: ticket.status === "WAITING_FOR_CUSTOMER" ? t("workspace.status.WAITING_FOR_CUSTOMER") : t("workspace.composer.status.keep"),
                    WAITING_FOR_CUSTOMER: t("workspace.composer.status.WAITING_FOR_CUSTOMER"),
                    SOLVED: t("workspace.composer.status.SOLVED"),
                  },
                  waitReason: t("workspace.composer.waitReason"),
                  priority: t("workspace.composer.priority"),
                  priorityKeep: t("workspace.composer.priority.keep"),
                  priorityReason: t("workspace.composer.priorityReason"),
                  line: t("workspace.composer.line"),
                  lineKeep: t("workspace.composer.line.keep"),
                  submit: t("agent.action.reply.submit"),
                  submitNote: t("agent.action.note.submit"),
                  pending: t("agent.actions.pending"),
                  sendAnyway: t("workspace.collision.sendAnyway"),
                  reload: t("workspace.collision.reload"),
                  macros: {
                    label: t("workspace.macroPicker.label"),
                    placeholder: t("workspace.macroPicker.placeholder"),
                    none: t("workspace.macroPicker.none"),
                    shared: t("workspace.macroPicker.shared"),
                    personal: t("workspace.macroPicker.personal"),
                  },
                }}
              />
            </section>
          )}
        </div>
        <aside aria-labelledby="details" className="flex flex-col gap-4">
          <section aria-labelledby="details">
            <h2 id="details" className="sr-only">
              {t("agent.ticket.details")}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-300 bg-white p-4 text-sm">
              <dt className="font-medium text-slate-700">{t("agent.ticket.status")}</dt>
              <dd data-testid="status">
                <StatusBadge status={ticket.status} locale={t.locale} side="agent" />
              </dd>
              <dt className="font-medium text-slate-700">{t("agent.ticket.clock")}</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <ClockBadge clock={ticket.sla.response} warningThreshold={ticket.warningThreshold} locale={t.locale} renderedAt={now.toISOString()} />
                <span>
                  <ClockText clock={ticket.sla.response} now={now} locale={t.locale} />
                </span>
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
              {ticket.slaExclusionReason && <dd className="col-span-2">{t("agent.ticket.excluded", { reason: ticket.slaExclusionReason })}</dd>}
            </dl>
          </section>
          <section aria-labelledby="requester-heading" data-testid="requester-panel" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4 text-sm">
            <h2 id="requester-heading" className="font-semibold">
              {t("workspace.requester.title")}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="font-medium text-slate-700">{t("workspace.requester.name")}</dt>
              <dd data-testid="requester">
                <RequesterLine requester={mail.requester} now={now} locale={t.locale} />
              </dd>
              <dt className="font-medium text-slate-700">{t("workspace.requester.phone")}</dt>
              <dd>{r.phone ? <a href={`tel:${r.phone}`}>{r.phone}</a> : t("workspace.requester.none")}</dd>
              <dt className="font-medium text-slate-700">{t("workspace.requester.organization")}</dt>
              <dd data-testid="organization">{r.organizationName}</dd>
              <dt className="font-medium text-slate-700">{t("workspace.requester.agreement")}</dt>
              <dd>{r.agreementName ?? t("workspace.requester.noAgreement")}</dd>
            </dl>
            <h3 className="mt-2 font-semibold">{t("workspace.requester.otherOpen")}</h3>
            {people.otherOpenTickets.length === 0 ? (
              <p className="text-slate-700">{t("workspace.requester.noOtherOpen")}</p>
            ) : (
              <ul className="flex flex-col gap-1" data-testid="other-open-tickets">
                {people.otherOpenTickets.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center gap-2">
                    <Link className="font-mono underline" href={`/arbeid/saker/${o.id}`}>
                      {o.reference}
                    </Link>
                    <span className="min-w-0 truncate">{o.title}</span>
                    <StatusBadge status={o.status} locale={t.locale} side="agent" />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <TicketAssignment ticket={ticket} actor={actor} t={t} />
          {writable && (
            <section aria-labelledby="actions-heading" className="flex flex-col gap-3">
              <h2 id="actions-heading" className="text-lg font-semibold">
                {t("agent.actions.title")}
              </h2>
              {ticket.priority === "P1" && (
                <ButtonLink href={`/arbeid/hendelser?sak=${ticket.id}#new-heading`} data-testid="open-incident-from-ticket">
                  {t("incidents.open.fromTicketButton")}
                </ButtonLink>
              )}
              <TicketActions key={events.length} ticket={ticket} events={events} t={t} />
            </section>
          )}
          <AgentShortcuts title={t("agent.shortcuts.title")} intro={t("agent.shortcuts.intro")} shortcuts={SHORTCUTS.map((key) => ({ key, label: t(`agent.shortcuts.${key}`) }))} />
          <RelatedTickets ticketId={ticket.id} actor={actor} t={t} now={now} />
          <AgentLiveRefresh label={t("agent.queue.live")} />
        </aside>
      </div>
    </main>
  );
}
