/** /admin/mailboxes: every support mailbox e-mail intake reads, with when it was last read and its last error. */
import type { Metadata } from "next";
import Link from "next/link";
import { listMailboxes } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { Badge } from "@/components/badge";
import { ButtonLink } from "@/components/button-link";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../back-link";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "mailboxes.title") };
}

export default async function MailboxesPage() {
  const { actor, t } = await withSession("provider-admin", "/admin/mailboxes");
  const mailboxes = await listMailboxes({ actor, ctx: defaultContext() });
  const now = new Date();
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin" label={t("admin.nav.back")} />
      <PageHeader
        title={t("mailboxes.title")}
        lead={t("mailboxes.intro")}
        actions={
          <ButtonLink href="/admin/mailboxes/new" tone="primary">
            {t("mailboxes.add")}
          </ButtonLink>
        }
      />
      {mailboxes.length === 0 ? (
        <EmptyState title={t("mailboxes.none")} />
      ) : (
        <div data-testid="mailboxes">
          <DataTable
            caption={t("mailboxes.caption")}
            rows={mailboxes}
            rowKey={(m) => m.id}
            alignTop
            columns={[
              {
                label: t("mailboxes.col.name"),
                cell: (m) => (
                  <Link href={`/admin/mailboxes/${m.id}`} className="font-semibold text-blue-800 underline underline-offset-2">
                    {m.name}
                  </Link>
                ),
              },
              { label: t("mailboxes.col.address"), cell: (m) => <span className="break-all">{m.address}</span> },
              { label: t("mailboxes.col.host"), cell: (m) => <span className="font-mono text-sm">{`${m.host}:${m.port}`}</span> },
              { label: t("mailboxes.col.folder"), cell: (m) => <span className="font-mono text-sm">{m.folder}</span> },
              { label: t("mailboxes.col.status"), cell: (m) => <Badge tone={m.active ? "success" : "neutral"}>{t(m.active ? "mailboxes.active" : "mailboxes.inactive")}</Badge> },
              {
                label: t("mailboxes.col.lastPoll"),
                cell: (m) => (m.lastPolledAt ? <time dateTime={m.lastPolledAt}>{formatDateTime(m.lastPolledAt, now, t.locale)}</time> : t("mailboxes.neverPolled")),
              },
              {
                label: t("mailboxes.col.lastError"),
                cell: (m) =>
                  m.lastError ? (
                    <span className="break-words text-sm text-red-800" data-testid="mailbox-last-error">
                      {m.lastError}
                    </span>
                  ) : (
                    <span className="text-slate-700">{t("mailboxes.noError")}</span>
                  ),
              },
            ]}
          />
        </div>
      )}
    </main>
  );
}
