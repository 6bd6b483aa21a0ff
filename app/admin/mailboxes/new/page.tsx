/** /admin/mailboxes/new: add a support mailbox, trying the connection before saving. */
import type { Metadata } from "next";
import { listOrganizations } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { PageHeader } from "@/components/page-header";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../../back-link";
import { submitNewMailbox, submitTestMailbox } from "../actions";
import { MailboxForm } from "../mailbox-form";
import { mailboxFormChoices } from "../mailbox-form-text";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "mailboxes.new.title") };
}

const DEFAULTS = { port: "993", tls: "on", folder: "INBOX", defaultOrganizationId: "" };

export default async function NewMailboxPage() {
  const { actor, t } = await withSession("provider-admin", "/admin/mailboxes/new");
  const organizations = await listOrganizations({ actor, ctx: defaultContext() });
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin/mailboxes" label={t("mailboxes.title")} />
      <PageHeader title={t("mailboxes.new.title")} lead={t("mailboxes.new.intro")} />
      <MailboxForm action={submitNewMailbox} test={submitTestMailbox} initial={DEFAULTS} editing={false} {...mailboxFormChoices(t, organizations, false)} />
    </main>
  );
}
