/** /admin/organizations/:id: a customer organisation's settings, its contact persons, deactivate or reactivate. */
import type { Metadata } from "next";
import Link from "next/link";
import { getOrganization, listAgreements } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { DeactivateOrReactivate } from "@/components/deactivate-or-reactivate";
import { ErrorMessage } from "@/components/error-message";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { withSession, found } from "@/lib/server/http/session";
import { BackLink } from "../../back-link";
import { submitContactPerson, submitEditOrganization, submitOrganizationActive } from "../actions";
import { OrganizationForm } from "../organization-form";
import { organizationFormChoices } from "../organization-form-text";
import { feeText } from "@/lib/forms/organization-form-values";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "orgs.edit.title") };
}

const DONE = ["created", "saved", "unchanged", "deactivated", "reactivated", "contact"] as const;

export default async function OrganizationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const { actor, t } = await withSession("provider-admin", `/admin/organizations/${id}`);
  const ctx = defaultContext();
  const [org, agreements] = await Promise.all([found(getOrganization({ actor, input: { organizationId: id }, ctx })), listAgreements({ actor, ctx })]);
  const done = DONE.find((d) => d === search.done);
  const initial = {
    organizationId: org.id,
    name: org.name,
    orgNumber: org.orgNumber ?? "",
    emailDomains: org.emailDomains.join(", "),
    agreementId: org.agreementId ?? "",
    monthlyFee: feeText(org.monthlyFeeOre),
    confirmationWindowHours: String(org.confirmationWindowHours),
    onCallOption: org.onCallOption,
    defaultEmailPriority: org.defaultEmailPriority,
    contactPersonLimit: org.contactPersonLimit === null ? "" : String(org.contactPersonLimit),
    timeZone: org.timeZone,
  };
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin/organizations" label={t("admin.org.title")} />
      <PageHeader title={org.name} lead={`${org.ticketPrefix} · ${org.agreementName ?? t("orgs.field.noAgreement")}`} />
      <p>
        <Badge tone={org.active ? "success" : "danger"}>
          <span data-testid="org-status">{t(org.active ? "orgs.status.active" : "orgs.status.inactive")}</span>
        </Badge>
      </p>
      {done && <StatusMessage message={t(`orgs.done.${done}`)} />}
      {search.done === "limit" && <ErrorMessage message={t("orgs.error.contactLimit")} />}

      <section aria-labelledby="settings-heading" className="flex flex-col gap-4">
        <h2 id="settings-heading" className="text-xl font-semibold">
          {t("orgs.edit.title")}
        </h2>
        <OrganizationForm action={submitEditOrganization} initial={initial} creating={false} {...organizationFormChoices(t, agreements, false)} />
      </section>

      <section aria-labelledby="contacts-heading" className="flex flex-col gap-3">
        <h2 id="contacts-heading" className="text-xl font-semibold">
          {t("orgs.contacts.title")}
        </h2>
        <p data-testid="contact-count">
          {org.contactPersonLimit === null ? t("orgs.contacts.countNoLimit", { count: org.contactPersons }) : t("orgs.contacts.count", { count: org.contactPersons, limit: org.contactPersonLimit })}
        </p>
        <p className="text-slate-700" data-testid="registration-rule">
          {t(org.contactPersonLimit === null ? "contacts.rule.open" : "contacts.rule.restricted")}
        </p>
        {org.users.length === 0 ? (
          <p className="text-slate-700">{t("orgs.contacts.none")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
            {org.users.map((u) => (
              <li key={u.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{u.name}</span> <span className="text-slate-700">{u.email}</span>
                  {u.contactPerson && <Badge tone="info">{t("orgs.contacts.isContact")}</Badge>}
                  {!u.active && <Badge tone="neutral">{t("orgs.status.inactive")}</Badge>}
                </span>
                {(u.active || u.contactPerson) && (
                  <form action={submitContactPerson}>
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="organizationId" value={org.id} />
                    <input type="hidden" name="contactPerson" value={u.contactPerson ? "false" : "true"} />
                    <Button type="submit" tone="secondary" aria-label={t(u.contactPerson ? "orgs.contacts.removeLabel" : "orgs.contacts.makeLabel", { name: u.name })}>
                      {t(u.contactPerson ? "orgs.contacts.remove" : "orgs.contacts.make")}
                    </Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        <Link href={`/admin/users?org=${org.id}`} className="text-blue-800 underline underline-offset-2">
          {t("orgs.contacts.manageUsers")}
        </Link>
      </section>

      <Link href={`/admin/organizations/${org.id}/oidc`} className="text-blue-800 underline underline-offset-2" data-testid="org-oidc-link">
        {t("oidc.link")}
      </Link>

      <section className="flex flex-col gap-3 border-t border-slate-300 pt-6">
        <DeactivateOrReactivate
          active={org.active}
          deactivate={{
            action: submitOrganizationActive,
            hidden: { organizationId: org.id, active: "false" },
            label: t("orgs.deactivate.button"),
            title: t("orgs.deactivate.title", { name: org.name }),
            body: t("orgs.deactivate.body"),
            confirm: t("orgs.deactivate.confirm"),
            cancel: t("orgs.cancel"),
          }}
          reactivate={{ action: submitOrganizationActive, hidden: { organizationId: org.id, active: "true" }, label: t("orgs.reactivate.button") }}
        />
      </section>
    </main>
  );
}
