/** /admin/agreements/[id]/versions/[versionId]: targets per priority, warnings, compliance threshold and credit scheme. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAgreementVersion } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { formatBusinessDuration, formatDateTime } from "@/lib/i18n/format";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../../../../back-link";
import { CreditSchemeText } from "./credit-scheme-text";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "admin.agr.title") };
}

export default async function AgreementVersionPage({ params }: { params: Promise<{ id: string; versionId: string }> }) {
  const { id, versionId } = await params;
  const { actor, t, found } = await withSession("provider-admin", `/admin/agreements/${id}/versions/${versionId}`);
  const v = await found(getAgreementVersion({ actor, input: { versionId }, ctx: defaultContext() }));
  if (v.agreement.id !== id) notFound();
  const now = new Date();
  const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10} %`;
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href={`/admin/agreements/${id}`} label={t("admin.ver.back", { name: v.agreement.name })} />
      <PageHeader title={t("admin.ver.title", { agreement: v.agreement.name, label: v.label })} lead={t("admin.ver.validFrom", { when: formatDateTime(v.validFrom, now, t.locale) })} />
      <section aria-labelledby="targets" className="flex flex-col gap-2">
        <h2 id="targets" className="text-xl font-semibold">
          {t("admin.ver.targets")}
        </h2>
        <DataTable
          caption={t("admin.ver.targets")}
          rows={v.targets}
          rowKey={(target) => target.priority}
          columns={[
            { label: t("admin.ver.priority"), className: "", cell: (target) => `${target.priority} ${t(`common.priority.${target.priority}`)}` },
            { label: t("admin.ver.minutes"), cell: (target) => (target.minutes === null ? t("admin.ver.notCovered") : formatBusinessDuration(target.minutes, t.locale)) },
            {
              label: t("admin.ver.calendar"),
              cell: (target) =>
                target.calendar ? (
                  <a href={`/admin/calendars/${target.calendar.id}`} className="text-blue-800 underline underline-offset-2">
                    {target.calendar.name}
                  </a>
                ) : (
                  "–"
                ),
            },
          ]}
        />
      </section>
      <dl className="grid gap-4 rounded-lg border border-slate-300 bg-white p-5">
        <div>
          <dt className="font-semibold">{t("admin.ver.warnings")}</dt>
          <dd>{t("admin.ver.warningsText", { list: v.warningThresholds.map(percent).join(", ") })}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("admin.ver.compliance")}</dt>
          <dd>{t("admin.ver.complianceText", { percent: v.minWithinTargetPercent })}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("admin.ver.credit")}</dt>
          <dd>
            <CreditSchemeText scheme={v.creditScheme} t={t} />
          </dd>
        </div>
        {v.note && (
          <div>
            <dt className="font-semibold">{t("admin.ver.note")}</dt>
            <dd>{v.note}</dd>
          </div>
        )}
      </dl>
    </main>
  );
}
