/** /admin/users/[id]/tokens: a user's API tokens (name, scope, prefix, last use, revoked); create (name, scope; shown once) and revoke (after confirming). */
import type { Metadata } from "next";
import { listUserTokens } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { ApiTokenForm } from "@/components/api-token-form";
import { ApiTokenTable } from "@/components/api-token-table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../../../back-link";
import { submitNewToken, submitRevokeToken } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "admin.tokens.caption") };
}

export default async function UserTokensPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const { id } = await params;
  const { actor, t, found } = await withSession("provider-admin", `/admin/users/${id}/tokens`);
  const [search, { user, tokens }] = await Promise.all([searchParams, found(listUserTokens({ actor, input: { userId: id }, ctx: defaultContext() }))]);
  const now = new Date();
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href={`/admin/users?org=${user.organizationId}`} label={t("admin.tokens.back", { org: user.organizationName })} />
      <PageHeader title={t("admin.tokens.title", { name: user.name })} lead={t("admin.tokens.intro", { org: user.organizationName })} />
      {search.done === "revoked" && <StatusMessage message={t("admin.tokens.revokedDone")} />}
      {tokens.length === 0 ? <EmptyState title={t("admin.tokens.empty")} /> : <ApiTokenTable tokens={tokens} now={now} t={t} revokeAction={submitRevokeToken} />}
      <section aria-labelledby="new-token" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="new-token" className="text-xl font-semibold">
          {t("admin.tokens.new")}
        </h2>
        {user.active ? (
          <ApiTokenForm
            action={submitNewToken}
            hidden={{ userId: user.id }}
            text={{
              name: t("admin.tokens.name"),
              nameHelp: t("admin.tokens.nameHelp"),
              scope: t("audit.tokens.scope"),
              scopeHelp: t("audit.tokens.scopeHelp"),
              read: t("audit.tokens.scope.READ"),
              readWrite: t("audit.tokens.scope.READ_WRITE"),
              submit: t("admin.tokens.create"),
              pending: t("admin.tokens.creating"),
              shownOnce: t("admin.tokens.shownOnce"),
            }}
          />
        ) : (
          <p className="text-slate-700">{t("admin.tokens.inactiveUser")}</p>
        )}
      </section>
    </main>
  );
}
