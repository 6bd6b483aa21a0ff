/** /admin/webhooks: every webhook endpoint (Teams, Slack, an SMS gateway) and a form to add one. */
import type { Metadata } from "next";
import Link from "next/link";
import { listOrganizations } from "@/lib/server/admin";
import { listWebhooks } from "@/lib/server/webhooks";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { Badge } from "@/components/badge";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../back-link";
import { submitNewWebhook } from "./actions";
import { WebhookForm } from "./webhook-form";
import { webhookFormChoices } from "./webhook-form-text";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "orgs.hooks.title") };
}

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const { actor, t } = await withSession("provider-admin", "/admin/webhooks");
  const ctx = defaultContext();
  const [search, webhooks, organizations] = await Promise.all([searchParams, listWebhooks({ actor, ctx }), listOrganizations({ actor, ctx })]);
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin" label={t("admin.nav.back")} />
      <PageHeader title={t("orgs.hooks.title")} lead={t("orgs.hooks.intro")} />
      {search.done === "deleted" && <StatusMessage message={t("orgs.hooks.deleted")} />}
      {webhooks.length === 0 ? (
        <EmptyState title={t("orgs.hooks.none")} />
      ) : (
        <ul className="flex flex-col gap-3" data-testid="webhooks">
          {webhooks.map((w) => (
            <li key={w.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white p-4">
              <span className="flex flex-col gap-1">
                <Link href={`/admin/webhooks/${w.id}`} className="font-semibold text-blue-800 underline underline-offset-2">
                  {w.name}
                </Link>
                <span className="text-sm text-slate-700">
                  {w.host} · {w.organization?.name ?? t("orgs.hooks.ownerProvider")} · <span className="font-mono">{w.templates.length ? w.templates.join(", ") : "*"}</span>
                </span>
              </span>
              <Badge tone={w.active ? "success" : "neutral"}>{t(w.active ? "orgs.hooks.active" : "orgs.hooks.inactive")}</Badge>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="add-webhook" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="add-webhook" className="text-xl font-semibold">
          {t("orgs.hooks.add")}
        </h2>
        <WebhookForm action={submitNewWebhook} initial={{}} editing={false} {...webhookFormChoices(t, organizations, false)} />
      </section>
    </main>
  );
}
