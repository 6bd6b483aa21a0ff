/** /saker/[id]/kvittering: the receipt after registering — reference, time, and the response clock in words. */
import type { Metadata } from "next";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { formatBusinessDuration, formatDateTime } from "@/lib/i18n/format";
import { ButtonLink } from "@/components/button-link";
import { ClockText } from "@/components/clock-text";
import { PageHeader } from "@/components/page-header";
import { PriorityBadge } from "@/components/priority-badge";
import { StatusMessage } from "@/components/status-message";
import { defaultContext, getTicket } from "@/lib/server/tickets";
import { withSession } from "@/lib/server/http/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "portal.receipt.title") };
}

export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, t, found } = await withSession("customer", `/saker/${id}/kvittering`);
  const ticket = await found(getTicket({ actor, input: { id }, ctx: defaultContext() }));
  const now = new Date();
  const clock = ticket.sla.response;
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <PageHeader title={t("portal.receipt.title")} />
      <StatusMessage message={t("portal.receipt.intro")} />
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-300 bg-white p-5 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t("portal.receipt.reference")}</dt>
        <dd className="font-mono text-lg font-semibold" data-testid="reference">
          {ticket.reference}
        </dd>
        <dt className="font-medium text-slate-700">{t("portal.receipt.registered")}</dt>
        <dd>{formatDateTime(ticket.createdAt, now, t.locale)}</dd>
        <dt className="font-medium text-slate-700">{t("portal.receipt.priority")}</dt>
        <dd>
          <PriorityBadge priority={ticket.priority} locale={t.locale} />
        </dd>
        {clock?.targetMinutes != null && (
          <>
            <dt className="font-medium text-slate-700">{t("portal.receipt.target")}</dt>
            <dd>{formatBusinessDuration(clock.targetMinutes, t.locale)}</dd>
          </>
        )}
        <dt className="font-medium text-slate-700">{t("portal.receipt.clock")}</dt>
        <dd>
          <ClockText clock={clock} now={now} locale={t.locale} />
        </dd>
      </dl>
      <div className="flex flex-wrap gap-3">
        <ButtonLink tone="primary" href={`/saker/${ticket.id}`}>
          {t("portal.receipt.open")}
        </ButtonLink>
        <ButtonLink href="/saker">{t("portal.receipt.list")}</ButtonLink>
      </div>
    </main>
  );
}
