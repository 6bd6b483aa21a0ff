/** /admin/agreements: every agreement with its customers and versions. */
import type { Metadata } from "next";
import Link from "next/link";
import { listAgreements } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { ButtonLink } from "@/components/button-link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../back-link";
import { VersionStatus, versionStates } from "./version-status";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "admin.agr.title") };
}

export default async function AgreementsPage() {
  const { actor, t } = await withSession("provider-admin", "/admin/agreements");
  const agreements = await listAgreements({ actor, ctx: defaultContext() });
  const now = new Date();
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin" label={t("admin.nav.back")} />
      <PageHeader
        title={t("admin.agr.title")}
        lead={t("admin.agr.intro")}
        actions={
          <ButtonLink tone="primary" href="/admin/agreements/new">
            {t("agreements.create.link")}
          </ButtonLink>
        }
      />
      {agreements.length === 0 && <EmptyState title={t("admin.agr.empty")} />}
      <ul className="flex flex-col gap-4">
        {agreements.map((a) => {
          const states = versionStates(
            a.versions.map((v) => v.validFrom),
            now,
          );
          return (
            <li key={a.id} className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-5">
              <h2 className="text-lg font-semibold">
                <Link href={`/admin/agreements/${a.id}`} className="text-blue-800 underline underline-offset-2">
                  {a.name}
                </Link>
              </h2>
              <p className="text-sm text-slate-700">
                {t("admin.agr.provider", { provider: a.provider })}
                {a.source && <> · {t("admin.agr.source", { source: a.source })}</>}
              </p>
              <p className="text-sm text-slate-700">{a.organizations.length ? t("admin.agr.organizations", { names: a.organizations.join(", ") }) : t("admin.agr.noOrganizations")}</p>
              <ul className="flex flex-col gap-1" aria-label={t("admin.agr.versionsCaption", { name: a.name })}>
                {a.versions.map((v, i) => (
                  <li key={v.id} className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/agreements/${a.id}/versions/${v.id}`} className="text-blue-800 underline underline-offset-2">
                      {v.label}
                    </Link>
                    <span className="text-sm text-slate-700">
                      {t("admin.agr.validFrom")} {formatDateTime(v.validFrom, now, t.locale)}
                    </span>
                    <VersionStatus state={states[i] ?? "past"} t={t} />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
