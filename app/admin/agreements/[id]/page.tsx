/** /admin/agreements/[id]: an agreement's versions with their targets; the way to a new version. */
import type { Metadata } from "next";
import Link from "next/link";
import { getAgreement } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { formatBusinessDuration, formatDateTime } from "@/lib/i18n/format";
import { ButtonLink } from "@/components/button-link";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../../back-link";
import { VersionStatus, versionStates } from "../version-status";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "admin.agr.title") };
}

export default async function AgreementPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const { id } = await params;
  const { actor, t, found } = await withSession("provider-admin", `/admin/agreements/${id}`);
  const [search, agreement] = await Promise.all([searchParams, found(getAgreement({ actor, input: { agreementId: id }, ctx: defaultContext() }))]);
  const now = new Date();
  const states = versionStates(
    agreement.versions.map((v) => v.validFrom),
    now,
  );
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin/agreements" label={t("admin.agr.title")} />
      <PageHeader
        title={agreement.name}
        lead={t("admin.agr.provider", { provider: agreement.provider }) + (agreement.source ? ` · ${t("admin.agr.source", { source: agreement.source })}` : "")}
        actions={
          agreement.latest && (
            <ButtonLink tone="primary" href={`/admin/agreements/${agreement.id}/versions/new`}>
              {t("admin.agr.newVersion")}
            </ButtonLink>
          )
        }
      />
      {search.done === "created" && <StatusMessage message={t("admin.new.created")} />}
      {search.done === "agreementCreated" && <StatusMessage message={t("agreements.create.created")} />}
      <DataTable
        caption={t("admin.agr.versionsCaption", { name: agreement.name })}
        rows={agreement.versions.map((v, i) => ({ ...v, state: states[i] ?? "past" }))}
        rowKey={(v) => v.id}
        alignTop
        columns={[
          {
            label: t("admin.agr.label"),
            cell: (v) => (
              <>
                <Link href={`/admin/agreements/${agreement.id}/versions/${v.id}`} className="font-medium text-blue-800 underline underline-offset-2">
                  {v.label}
                </Link>
                <span className="mt-1 block">
                  <VersionStatus state={v.state} t={t} />
                </span>
              </>
            ),
          },
          { label: t("admin.agr.validFrom"), className: "whitespace-nowrap", cell: (v) => formatDateTime(v.validFrom, now, t.locale) },
          {
            label: t("admin.agr.targets"),
            className: "text-sm",
            cell: (v) => (
              <ul>
                {v.targets.map((target) => (
                  <li key={target.priority}>
                    <span className="font-medium">{target.priority}</span>: {formatBusinessDuration(target.minutes, t.locale)} ({target.calendarName})
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </main>
  );
}
