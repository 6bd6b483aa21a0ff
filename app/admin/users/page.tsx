/** /admin/users?org=…: the users of one organisation with role, line and status; create and deactivate users. */
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { listOrganizations, listUsers } from "@/lib/server/admin";
import { CUSTOMER_ROLES, STAFF_ROLES } from "@/lib/server/actor";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { Select } from "@/components/select";
import { StatusMessage } from "@/components/status-message";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../back-link";
import { InviteUserForm } from "@/components/invite-user-form";
import { submitDeactivateUser, submitInviteUser } from "./actions";
import { NewUserForm } from "./new-user-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "admin.users.title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ org?: string; done?: string }> }) {
  const { actor, t, found } = await withSession("provider-admin", "/admin/users");
  const ctx = defaultContext();
  const [search, organizations] = await Promise.all([searchParams, listOrganizations({ actor, ctx })]);
  const orgId = z.uuid().safeParse(search.org).data ?? organizations.find((o) => o.isProvider)?.id ?? organizations[0]?.id;
  if (!orgId) return null;
  const { organization, users } = await found(listUsers({ actor, input: { organizationId: orgId }, ctx }));
  const roles = (organization.isProvider ? STAFF_ROLES : CUSTOMER_ROLES).map((r) => ({ value: r, label: t(`admin.role.${r}`) }));
  const lines = organization.isProvider ? [{ value: "", label: t("admin.users.noLine") }, ...(["L1", "L2", "L3"] as const).map((l) => ({ value: l, label: t(`admin.line.${l}`) }))] : [];
  const done = search.done === "created" ? t("admin.users.created") : search.done === "deactivated" ? t("admin.users.deactivated.done") : null;
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin" label={t("admin.nav.back")} />
      <PageHeader title={t("admin.users.title")} lead={t("admin.users.intro")} />
      <form method="get" action="/admin/users" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 grow sm:grow-0">
          <Select id="org" name="org" label={t("admin.users.organization")} options={organizations.map((o) => ({ value: o.id, label: o.name }))} defaultValue={organization.id} />
        </div>
        <Button type="submit" tone="secondary">
          {t("admin.users.show")}
        </Button>
      </form>
      {done && <StatusMessage message={done} />}
      {search.done === "self" && <ErrorMessage message={t("admin.users.cannotDeactivateSelf")} />}
      {users.length === 0 ? (
        <EmptyState title={t("admin.users.empty")} />
      ) : (
        <DataTable
          caption={t("admin.users.caption", { name: organization.name })}
          rows={users}
          rowKey={(u) => u.id}
          alignTop
          columns={[
            {
              label: t("admin.users.name"),
              cell: (u) => (
                <>
                  <Link href={`/admin/users/${u.id}`} className="block font-medium text-blue-800 underline underline-offset-2" aria-label={t("orgs.user.editLabel", { name: u.name })}>
                    {u.name}
                  </Link>
                  <span className="block break-all text-sm text-slate-700">{u.email}</span>
                  <Link href={`/admin/users/${u.id}/tokens`} className="text-sm text-blue-800 underline underline-offset-2">
                    {t("admin.users.tokens", { count: u.liveTokens })}
                  </Link>
                </>
              ),
            },
            {
              label: t("admin.users.role"),
              cell: (u) => (
                <>
                  {t(`admin.role.${u.role}`)}
                  {u.supportLine && <span className="block text-sm text-slate-700">{t(`admin.line.${u.supportLine}`)}</span>}
                </>
              ),
            },
            { label: t("admin.users.status"), cell: (u) => <Badge tone={u.deactivatedAt ? "neutral" : "success"}>{t(u.deactivatedAt ? "admin.users.deactivated" : "admin.users.active")}</Badge> },
            {
              label: t("admin.users.deactivate"),
              hiddenLabel: true,
              className: "text-right",
              cell: (u) =>
                !u.deactivatedAt &&
                u.id !== actor.userId && (
                  <ConfirmDialog
                    action={submitDeactivateUser}
                    hidden={{ userId: u.id, organizationId: organization.id }}
                    label={t("admin.users.deactivate")}
                    ariaLabel={t("admin.users.deactivateLabel", { name: u.name })}
                    title={t("orgs.user.deactivateTitle", { name: u.name })}
                    body={t("orgs.user.deactivateBody")}
                    confirm={t("admin.users.deactivate")}
                    cancel={t("orgs.cancel")}
                  />
                ),
            },
          ]}
        />
      )}
      <section aria-labelledby="invite-user" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="invite-user" className="text-xl font-semibold">
          {t("account.invite.title")}
        </h2>
        <p className="text-slate-700">{t("account.invite.help")}</p>
        <InviteUserForm
          key={`invite-${organization.id}`}
          action={submitInviteUser}
          organizationId={organization.id}
          roles={roles}
          lines={lines}
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
      <section aria-labelledby="new-user" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="new-user" className="text-xl font-semibold">
          {t("admin.users.new", { name: organization.name })}
        </h2>
        <p className="text-slate-700">{t(organization.isProvider ? "admin.users.newHelpProvider" : "admin.users.newHelpCustomer")}</p>
        <NewUserForm
          key={organization.id}
          organizationId={organization.id}
          roles={roles}
          lines={lines}
          text={{
            name: t("admin.users.name"),
            email: t("admin.users.email"),
            role: t("admin.users.role"),
            line: t("admin.users.line"),
            submit: t("admin.users.create"),
            pending: t("admin.users.creating"),
          }}
        />
      </section>
    </main>
  );
}
