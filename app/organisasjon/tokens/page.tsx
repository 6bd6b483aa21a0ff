/** /organisasjon/tokens: a customer admin's own organisation's API tokens: create (name, scope; shown once) and revoke (after confirming). */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listOrganizationTokens } from "@/lib/server/tokens/list-organization-tokens";
import { requestContext } from "@/lib/server/http/request-context";
import { withSession } from "@/lib/server/http/session";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { ApiTokenForm } from "@/components/api-token-form";
import { ApiTokenTable } from "@/components/api-token-table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { submitNewOrganizationToken, submitRevokeOrganizationToken } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "audit.tokens.title") };
}

export default async function OrganizationTokensPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const { actor, t, found } = await withSession("customer", "/organisasjon/tokens");
  if (actor.role !== "CUSTOMER_ADMIN") notFound();
  const ctx = await requestContext();
  const [search, { organization, tokens }] = await Promise.all([searchParams, found(listOrganizationTokens({ actor, ctx }))]);
  const now = ctx.now();
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <PageHeader title={t("audit.tokens.title")} lead={t("audit.tokens.intro", { organization: organization.name })} />
      {search.done === "revoked" && <StatusMessage message={t("audit.tokens.revokedDone")} />}
      {tokens.length === 0 ? <EmptyState title={t("audit.tokens.empty")} /> : <ApiTokenTable tokens={tokens} now={now} t={t} revokeAction={submitRevokeOrganizationToken} />}
      <section aria-labelledby="new-token" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="new-token" className="text-xl font-semibold">
          {t("audit.tokens.new")}
        </h2>
        <ApiTokenForm
          action={submitNewOrganizationToken}
          text={{
            name: t("audit.tokens.name"),
            nameHelp: t("audit.tokens.nameHelp"),
            scope: t("audit.tokens.scope"),
            scopeHelp: t("audit.tokens.scopeHelp"),
            read: t("audit.tokens.scope.READ"),
            readWrite: t("audit.tokens.scope.READ_WRITE"),
            submit: t("audit.tokens.submit"),
            pending: t("audit.tokens.pending"),
            shownOnce: t("audit.tokens.shownOnce"),
          }}
        />
      </section>
    </main>
  );
}
