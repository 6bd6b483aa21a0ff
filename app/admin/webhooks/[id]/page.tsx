/** /admin/webhooks/:id: change a webhook endpoint, send a test, delete it after confirming. */
import type { Metadata } from "next";
import { listOrganizations } from "@/lib/server/admin";
import { getWebhook } from "@/lib/server/webhooks";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../../back-link";
import { submitDeleteWebhook, submitEditWebhook } from "../actions";
import { WebhookForm } from "../webhook-form";
import { webhookFormChoices } from "../webhook-form-text";
import { TestWebhookForm } from "./test-webhook-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "orgs.hooks.title") };
}

export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const { actor, t, found } = await withSession("provider-admin", `/admin/webhooks/${id}`);
  const ctx = defaultContext();
  const [webhook, organizations] = await Promise.all([found(getWebhook({ actor, input: { webhookId: id }, ctx })), listOrganizations({ actor, ctx })]);
  const done = search.done === "saved" ? t("orgs.hooks.saved") : search.done === "unchanged" ? t("orgs.hooks.unchanged") : null;
  const initial = {
    webhookId: webhook.id,
    name: webhook.name,
    url: webhook.url,
    organizationId: webhook.organization?.id ?? "",
    templates: webhook.templates.join(","),
    active: webhook.active ? "on" : "",
  };
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin/webhooks" label={t("orgs.hooks.title")} />
      <PageHeader title={webhook.name} lead={`${webhook.host} · ${webhook.organization?.name ?? t("orgs.hooks.ownerProvider")}`} />
      {done && <StatusMessage message={done} />}
      <section aria-labelledby="test-webhook" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="test-webhook" className="text-xl font-semibold">
          {t("orgs.hooks.test")}
        </h2>
        <p className="text-slate-700">{t("orgs.hooks.testHelp")}</p>
        <TestWebhookForm webhookId={webhook.id} label={t("orgs.hooks.test")} pending={t("orgs.hooks.testing")} />
      </section>
      <section aria-labelledby="edit-webhook" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="edit-webhook" className="text-xl font-semibold">
          {t("orgs.hooks.edit")}
        </h2>
        <WebhookForm action={submitEditWebhook} initial={initial} editing {...webhookFormChoices(t, organizations, true)} />
      </section>
      <section className="border-t border-slate-300 pt-6">
        <ConfirmDialog
          action={submitDeleteWebhook}
          hidden={{ webhookId: webhook.id }}
          label={t("orgs.hooks.delete")}
          title={t("orgs.hooks.deleteTitle", { name: webhook.name })}
          body={t("orgs.hooks.deleteBody")}
          confirm={t("orgs.hooks.deleteConfirm")}
          cancel={t("orgs.cancel")}
        />
      </section>
    </main>
  );
}
