/** /organisasjon/brukere: a customer admin's own organisation's users; invite colleagues, deactivate users (after confirming). */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listOrganizationUsers } from "@/lib/server/people";
import { requestContext } from "@/lib/server/http/request-context";
import { withSession } from "@/lib/server/http/session";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { Badge } from "@/components/badge";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { InviteUserForm } from "@/components/invite-user-form";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { OrganizationTwoFactorForm } from "@/components/organization-two-factor-form";
import { organizationRequiresTwoFactor } from "@/lib/server/two-factor/organization-requirement";
import { submitDeactivateColleague, submitInviteColleague, submitOrganizationTwoFactor } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "account.users.title") };
}

const TONE = { active: "success", invited: "info", deactivated: "neutral" } as const;

export default async function OrganizationUsersPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const { actor, t, found } = await withSession("customer", "/organisasjon/brukere");
  if (actor.role !== "CUSTOMER_ADMIN") notFound();
  const [search, { organization, users }] = await Promise.all([searchParams, found(listOrganizationUsers({ actor, ctx: await requestContext() }))]);
  const roles = (["END_USER", "CUSTOMER_ADMIN"] as const).map((r) => ({ value: r, label: t(`auth.role.${r}`) }));
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <PageHeader title={t("account.users.title")} lead={t("account.users.intro", { organization: organization.name })} />
      {search.done === "deactivated" && <StatusMessage message={t("account.users.deactivatedDone")} />}
      {search.done === "self" && <ErrorMessage message={t("account.users.cannotDeactivateSelf")} />}
      {search.done === "two-factor" && <StatusMessage message={t("twofa.org.saved")} />}
      {users.length === 0 ? (
        <EmptyState title={t("account.users.empty")} />
      ) : (
        <DataTable
          caption={t("account.users.caption", { organization: organization.name })}
          rows={users}
          rowKey={(u) => u.id}
          alignTop
          columns={[
            {
              label: t("account.users.name"),
              cell: (u) => (
                <>
                  <span className="block font-medium">{u.name}</span>
                  <span className="block break-all text-sm text-slate-700">{u.email}</span>
                </>
              ),
            },
            { label: t("account.users.role"), cell: (u) => t(`auth.role.${u.role}`) },
            { label: t("account.users.status"), cell: (u) => <Badge tone={TONE[u.status]}>{t(`account.users.${u.status}`)}</Badge> },
            {
              label: t("account.users.deactivate"),
              hiddenLabel: true,
              className: "text-right",
              cell: (u) =>
                u.status !== "deactivated" &&
                u.id !== actor.userId && (
                  <ConfirmDialog
                    action={submitDeactivateColleague}
                    hidden={{ userId: u.id }}
                    label={t("account.users.deactivate")}
                    ariaLabel={t("account.users.deactivateLabel", { name: u.name })}
                    title={t("account.users.confirmTitle", { name: u.name })}
                    body={t("account.users.confirmBody", { name: u.name })}
                    confirm={t("account.users.confirm")}
                    cancel={t("account.users.cancel")}
                  />
                ),
            },
          ]}
        />
      )}
      <OrganizationTwoFactorForm
        action={submitOrganizationTwoFactor}
        required={await organizationRequiresTwoFactor({ actor, ctx: await requestContext() })}
        text={{ title: t("twofa.org.title"), help: t("twofa.org.help"), label: t("twofa.org.label"), submit: t("twofa.org.submit"), pending: t("common.loading") }}
      />
      <section aria-labelledby="invite" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="invite" className="text-xl font-semibold">
          {t("account.invite.title")}
        </h2>
        <p className="text-slate-700">{t("account.invite.help")}</p>
        <InviteUserForm
          action={submitInviteColleague}
          roles={roles}
          text={{
            name: t("account.invite.name"),
            email: t("account.invite.email"),
            role: t("account.invite.role"),
            line: t("account.invite.line"),
            submit: t("account.invite.submit"),
            pending: t("account.invite.pending"),
          }}
        />
      </section>
    </main>
  );
}
