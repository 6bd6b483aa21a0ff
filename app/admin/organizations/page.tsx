/** /admin/organizations: every organisation with its agreement, monthly fee and users; change the agreement. */
import type { Metadata } from "next";
import Link from "next/link";
import { listAgreements, listOrganizations } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { Badge } from "@/components/badge";
import { PageHeader } from "@/components/page-header";
import { Select } from "@/components/select";
import { StatusMessage } from "@/components/status-message";
import { SubmitButton } from "@/components/submit-button";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../back-link";
import { submitOrganizationAgreement } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "admin.org.title") };
}

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const { actor, t } = await withSession("provider-admin", "/admin/organizations");
  const ctx = defaultContext();
  const [search, organizations, agreements] = await Promise.all([searchParams, listOrganizations({ actor, ctx }), listAgreements({ actor, ctx })]);
  const money = new Intl.NumberFormat(t.locale === "nb" ? "nb-NO" : "en-GB", { style: "currency", currency: "NOK", maximumFractionDigits: 0 });
  const options = [{ value: "", label: t("admin.org.noAgreement") }, ...agreements.map((a) => ({ value: a.id, label: a.name }))];
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin" label={t("admin.nav.back")} />
      <PageHeader title={t("admin.org.title")} lead={t("admin.org.intro")} />
      <p>
        <Link href="/admin/organizations/new" className="font-medium text-blue-800 underline underline-offset-2">
          {t("orgs.new.link")}
        </Link>
      </p>
      {search.saved && <StatusMessage message={t("admin.org.saved")} />}
      <ul className="flex flex-col gap-4">
        {organizations.map((org) => (
          <li key={org.id} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5 sm:flex-row sm:items-end sm:justify-between">
            <div className="flex flex-col gap-1">
              <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                {org.isProvider ? (
                  org.name
                ) : (
                  <Link href={`/admin/organizations/${org.id}`} className="text-blue-800 underline underline-offset-2">
                    {org.name}
                  </Link>
                )}{" "}
                <Badge tone={org.isProvider ? "info" : "neutral"}>{t(org.isProvider ? "admin.org.provider" : "admin.org.customer")}</Badge>
                {!org.active && <Badge tone="danger">{t("orgs.list.inactive")}</Badge>}
              </h2>
              {!org.isProvider && (
                <p className="text-slate-700">
                  {t("admin.org.monthlyFee")}: {org.monthlyFeeOre === null ? t("admin.org.noFee") : money.format(org.monthlyFeeOre / 100)}
                </p>
              )}
              <Link href={`/admin/users?org=${org.id}`} className="text-blue-800 underline underline-offset-2" aria-label={t("admin.org.showUsers", { name: org.name })}>
                {t("admin.org.users", { count: org.activeUsers })}
              </Link>
            </div>
            {org.isProvider ? (
              <p className="text-slate-700">{t("admin.org.providerHasNoAgreement")}</p>
            ) : (
              <form action={submitOrganizationAgreement} className="flex flex-col gap-2 sm:w-80">
                <input type="hidden" name="organizationId" value={org.id} />
                <Select id={`agreement-${org.id}`} name="agreementId" label={`${t("admin.org.agreement")} (${org.name})`} options={options} defaultValue={org.agreement?.id ?? ""} />
                <div>
                  <SubmitButton tone="secondary" label={t("admin.org.saveAgreement")} pendingLabel={t("admin.form.saving")} />
                </div>
              </form>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
