/** /saker/[id]: one ticket — status, response clock in words, the public conversation, reply, accept/reopen. */
import type { Metadata } from "next";
import type { MessageKey } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { ClockText } from "@/components/clock-text";
import { PageHeader } from "@/components/page-header";
import { PriorityBadge } from "@/components/priority-badge";
import { StatusBadge } from "@/components/status-badge";
import { StatusMessage } from "@/components/status-message";
import { defaultContext, getTicket, listTicketEvents } from "@/lib/server/tickets";
import { withSession } from "@/lib/server/http/session";
import { Conversation } from "./conversation";
import { ReplyForm } from "./reply-form";
import { filePickerText } from "@/lib/server/attachments/picker-text";
import { SolutionForms } from "./solution-forms";
import { TicketNotes } from "@/components/ticket-notes";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: id.slice(0, 8) };
}

const DONE: Record<string, MessageKey> = { reply: "portal.reply.sent", accepted: "portal.solution.accepted", reopened: "portal.solution.reopened" };

export default async function TicketPage({ params, searchParams }: { params: Params; searchParams: Promise<{ done?: string }> }) {
  const { id } = await params;
  const { actor, t, found } = await withSession("customer", `/saker/${id}`);
  const ctx = defaultContext();
  const [ticket, events, { done }] = await Promise.all([found(getTicket({ actor, input: { id }, ctx })), found(listTicketEvents({ actor, input: { id }, ctx })), searchParams]);
  const now = new Date();
  const doneKey = done ? DONE[done] : undefined;
  const solved = [...events].reverse().find((e) => e.type === "SOLVED");
  const dueAt = typeof solved?.data.confirmationDueAt === "string" ? solved.data.confirmationDueAt : null;
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <PageHeader title={ticket.title} lead={<span className="font-mono">{ticket.reference}</span>} />
      {doneKey && <StatusMessage message={t(doneKey)} />}
      <TicketNotes ticketId={ticket.id} actor={actor} t={t} now={now} />
      <section aria-labelledby="details">
        <h2 id="details" className="sr-only">
          {t("portal.ticket.details")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-300 bg-white p-5 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-700">{t("portal.ticket.status")}</dt>
          <dd>
            <StatusBadge status={ticket.status} locale={t.locale} />
          </dd>
          <dt className="font-medium text-slate-700">{t("portal.ticket.priority")}</dt>
          <dd>
            <PriorityBadge priority={ticket.priority} locale={t.locale} />
          </dd>
          <dt className="font-medium text-slate-700">{t("portal.ticket.registered")}</dt>
          <dd>{formatDateTime(ticket.createdAt, now, t.locale)}</dd>
          <dt className="font-medium text-slate-700">{t("portal.ticket.clock")}</dt>
          <dd data-testid="clock">
            <ClockText clock={ticket.sla.response} now={now} locale={t.locale} />
          </dd>
        </dl>
      </section>
      {ticket.status === "SOLVED" && (
        <section aria-labelledby="solution" className="flex flex-col gap-3 rounded-lg border-2 border-green-700 bg-white p-5">
          <h2 id="solution" className="text-xl font-semibold">
            {t("portal.solution.title")}
          </h2>
          <p>{dueAt ? t("portal.solution.dueIntro", { when: formatDateTime(dueAt, now, t.locale) }) : t("portal.solution.intro")}</p>
          <SolutionForms
            ticketId={ticket.id}
            text={{ accept: t("portal.solution.accept"), reopenReason: t("portal.solution.reopenReason"), reopen: t("portal.solution.reopen"), pending: t("portal.reply.pending") }}
          />
        </section>
      )}
      <section aria-labelledby="conversation" className="flex flex-col gap-3">
        <h2 id="conversation" className="text-xl font-semibold">
          {t("portal.ticket.conversation")}
        </h2>
        <Conversation ticket={ticket} events={events} me={actor.userId} now={now} locale={t.locale} />
      </section>
      <section aria-labelledby="reply-heading" className="flex flex-col gap-3">
        <h2 id="reply-heading" className="text-xl font-semibold">
          {t("portal.reply.title")}
        </h2>
        {ticket.status === "CLOSED" || ticket.status === "SOLVED" ? (
          <p className="text-slate-700">{ticket.status === "CLOSED" ? t("portal.reply.closed") : t("portal.solution.intro")}</p>
        ) : (
          <ReplyForm ticketId={ticket.id} text={{ label: t("portal.reply.label"), submit: t("portal.reply.submit"), pending: t("portal.reply.pending"), files: filePickerText(t) }} />
        )}
      </section>
    </main>
  );
}
