/** /admin/mailboxes/:id: change a support mailbox, test its connection, turn it off (after confirming) or on. */
import type { Metadata } from "next";
import { getMailbox, listOrganizations } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { Badge } from "@/components/badge";
import { DeactivateOrReactivate } from "@/components/deactivate-or-reactivate";
import { ErrorMessage } from "@/components/error-message";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../../back-link";
import { submitEditMailbox, submitMailboxActive, submitTestMailbox } from "../actions";
import { MailboxForm } from "../mailbox-form";
import { mailboxFormChoices } from "../mailbox-form-text";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "mailboxes.title") };
}

const DONE = ["created", "saved", "unchanged", "deactivated", "reactivated"] as const;

export default async function MailboxPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const { actor, t, found } = await withSession("provider-admin", `/admin/mailboxes/${id}`);
  const ctx = defaultContext();
  const [mailbox, organizations] = await Promise.all([found(getMailbox({ actor, input: { mailboxId: id }, ctx })), listOrganizations({ actor, ctx })]);
  const done = DONE.find((d) => d === search.done);
  const now = new Date();
  const initial = {
    mailboxId: mailbox.id,
    name: mailbox.name,
    address: mailbox.address,
    host: mailbox.host,
    port: String(mailbox.port),
    tls: mailbox.tls ? "on" : "",
    username: mailbox.username,
    folder: mailbox.folder,
    defaultOrganizationId: mailbox.defaultOrganization?.id ?? "",
    active: mailbox.active ? "on" : "",
  };
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin/mailboxes" label={t("mailboxes.title")} />
      <PageHeader title={mailbox.name} lead={`${mailbox.address} · ${mailbox.host}:${mailbox.port} · ${mailbox.folder}`} />
      <p className="flex flex-wrap items-center gap-3">
        <Badge tone={mailbox.active ? "success" : "neutral"}>
          <span data-testid="mailbox-status">{t(mailbox.active ? "mailboxes.active" : "mailboxes.inactive")}</span>
        </Badge>
        <span className="text-slate-700">
          {t("mailboxes.col.lastPoll")}: {mailbox.lastPolledAt ? formatDateTime(mailbox.lastPolledAt, now, t.locale) : t("mailboxes.neverPolled")}
        </span>
      </p>
      {done && <StatusMessage message={t(`mailboxes.done.${done}`)} />}
      {mailbox.lastError && <ErrorMessage message={`${t("mailboxes.col.lastError")}: ${mailbox.lastError}`} />}
      <section aria-labelledby="mailbox-settings" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="mailbox-settings" className="text-xl font-semibold">
          {t("mailboxes.edit.title")}
        </h2>
        <MailboxForm action={submitEditMailbox} test={submitTestMailbox} initial={initial} editing {...mailboxFormChoices(t, organizations, true)} />
      </section>
      <section className="border-t border-slate-300 pt-6">
        <DeactivateOrReactivate
          active={mailbox.active}
          deactivate={{
            action: submitMailboxActive,
            hidden: { mailboxId: mailbox.id, active: "false" },
            label: t("mailboxes.deactivate.button"),
            title: t("mailboxes.deactivate.title", { name: mailbox.name }),
            body: t("mailboxes.deactivate.body"),
            confirm: t("mailboxes.deactivate.confirm"),
            cancel: t("mailboxes.cancel"),
          }}
          reactivate={{ action: submitMailboxActive, hidden: { mailboxId: mailbox.id, active: "true" }, label: t("mailboxes.reactivate.button") }}
        />
      </section>
    </main>
  );
}
