/** /admin/users/:id: edit a user (name, e-mail, role, line, phone); deactivate after confirming, or activate again. */
import type { Metadata } from "next";
import Link from "next/link";
import { getUser } from "@/lib/server/admin";
import { CUSTOMER_ROLES, STAFF_ROLES } from "@/lib/server/actor";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { Badge } from "@/components/badge";
import { DeactivateOrReactivate } from "@/components/deactivate-or-reactivate";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { BounceText } from "@/components/requester-line";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../../back-link";
import { submitDeactivateUser, submitReactivateUser } from "../actions";
import { EditUserForm } from "./edit-user-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "orgs.user.edit") };
}

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const { actor, t, found } = await withSession("provider-admin", `/admin/users/${id}`);
  const user = await found(getUser({ actor, input: { userId: id }, ctx: defaultContext() }));
  const staff = user.organization.isProvider;
  const roles = (staff ? STAFF_ROLES : CUSTOMER_ROLES).map((r) => ({ value: r, label: t(`admin.role.${r}`) }));
  const lines = staff ? [{ value: "", label: t("admin.users.noLine") }, ...(["L1", "L2", "L3"] as const).map((l) => ({ value: l, label: t(`admin.line.${l}`) }))] : [];
  const DONE: Record<string, string> = { saved: t("orgs.user.saved"), unchanged: t("orgs.user.unchanged"), reactivated: t("orgs.user.reactivated"), deactivated: t("admin.users.deactivated.done") };
  const done = search.done ? DONE[search.done] : undefined;
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href={`/admin/users?org=${user.organization.id}`} label={t("admin.users.title")} />
      <PageHeader title={user.name} lead={user.organization.name} />
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={user.active ? "success" : "neutral"}>
          <span data-testid="user-status">{t(user.active ? "admin.users.active" : "admin.users.deactivated")}</span>
        </Badge>
        {user.emailBouncingAt && (
          <span data-testid="email-bouncing">
            <Badge tone="danger">{t("mailUi.bouncing")}</Badge>
          </span>
        )}
      </p>
      {user.emailBouncingAt && <BounceText email={user.email} at={user.emailBouncingAt} reason={user.emailBounceReason} now={new Date()} locale={t.locale} />}
      {done && <StatusMessage message={done} />}
      <section aria-labelledby="edit-user" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="edit-user" className="text-xl font-semibold">
          {t("orgs.user.edit")}
        </h2>
        <EditUserForm
          initial={{ userId: user.id, name: user.name, email: user.email, role: user.role, supportLine: user.supportLine ?? "", phone: user.phone ?? "" }}
          roles={roles}
          lines={lines}
          text={{
            name: t("admin.users.name"),
            email: t("admin.users.email"),
            role: t("admin.users.role"),
            line: t("admin.users.line"),
            phone: t("orgs.user.phone"),
            phoneHelp: t("orgs.user.phoneHelp"),
            submit: t("orgs.user.save"),
            pending: t("admin.form.saving"),
          }}
        />
        <Link href={`/admin/users/${user.id}/tokens`} className="text-blue-800 underline underline-offset-2">
          {t("admin.tokens.title", { name: user.name })}
        </Link>
      </section>
      {user.id !== actor.userId && (
        <section className="flex flex-col gap-3 border-t border-slate-300 pt-6">
          <DeactivateOrReactivate
            active={user.active}
            deactivate={{
              action: submitDeactivateUser,
              hidden: { userId: user.id, organizationId: user.organization.id, back: "user" },
              label: t("admin.users.deactivate"),
              ariaLabel: t("admin.users.deactivateLabel", { name: user.name }),
              title: t("orgs.user.deactivateTitle", { name: user.name }),
              body: t("orgs.user.deactivateBody"),
              confirm: t("admin.users.deactivate"),
              cancel: t("orgs.cancel"),
            }}
            reactivate={{ action: submitReactivateUser, hidden: { userId: user.id }, label: t("orgs.user.reactivate") }}
          />
        </section>
      )}
    </main>
  );
}
