/** /arbeid/ukjent-avsender: e-mails from senders no customer has, waiting for an agent to assign them to a customer or reject them. */
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "@/lib/i18n/server";
import { t as translate, type MessageKey } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { listUnknownSenderMail } from "@/lib/server/mail-intake";
import { listAssignableOrganizations } from "@/lib/server/agent-mail";
import { defaultContext } from "@/lib/server/tickets";
import { withSession } from "@/lib/server/http/session";
import { Button } from "@/components/button";
import { ButtonLink } from "@/components/button-link";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { UUID } from "@/lib/server/tickets/scope";
import { submitAssignUnknownSender, submitRejectUnknownSender } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "mailUi.unknown.title") };
}

const ERRORS = ["organization", "gone", "otherOrganization", "senderDeactivated", "notRegistered"] as const;

export default async function UnknownSenderPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string; ticket?: string }> }) {
  const { actor, t } = await withSession("staff", "/arbeid/ukjent-avsender");
  const ctx = defaultContext();
  const [search, mails, organizations] = await Promise.all([searchParams, listUnknownSenderMail({ actor, ctx }), listAssignableOrganizations({ actor, ctx })]);
  const now = new Date();
  const error = ERRORS.find((e) => e === search.error);
  const ticket = search.ticket && UUID.test(search.ticket) ? search.ticket : null;
  const options = [{ value: "", label: t("mailUi.unknown.chooseOrganization") }, ...organizations.map((o) => ({ value: o.id, label: o.name }))];
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-5 px-4 py-8 sm:px-6">
      <PageHeader title={t("mailUi.unknown.title")} lead={t("mailUi.unknown.intro")} actions={<ButtonLink href="/arbeid">{t("agent.ticket.backToQueue")}</ButtonLink>} />
      {search.done === "assigned" && (
        <p role="status" className="flex flex-wrap items-center gap-3 rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {t("mailUi.unknown.done.assigned")}
          {ticket && (
            <Link href={`/arbeid/saker/${ticket}`} className="font-semibold text-blue-800 underline underline-offset-2">
              {t("mailUi.unknown.openTicket")}
            </Link>
          )}
        </p>
      )}
      {search.done === "rejected" && <StatusMessage message={t("mailUi.unknown.done.rejected")} />}
      {error && <ErrorMessage message={t(`mailUi.unknown.error.${error}`)} />}
      {mails.length === 0 ? (
        <EmptyState title={t("mailUi.unknown.none")} />
      ) : (
        <ul className="flex flex-col gap-3" aria-label={t("mailUi.unknown.caption")} data-testid="unknown-sender-mails">
          {mails.map((m) => {
            const from = m.fromName ? `${m.fromName} <${m.fromAddress}>` : m.fromAddress;
            const subject = m.subject || t("mailIntake.noSubject");
            return (
              <li key={m.id} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4" data-testid="unknown-sender-mail" data-from={m.fromAddress}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="text-lg font-semibold break-words">{subject}</h2>
                  <time dateTime={m.receivedAt} className="text-sm text-slate-700">
                    {t("mailUi.unknown.received")} {formatDateTime(m.receivedAt, now, t.locale)}
                  </time>
                </div>
                <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="font-medium text-slate-700">{t("mailUi.unknown.from")}</dt>
                  <dd className="break-all">{from}</dd>
                  {m.reason && (
                    <>
                      <dt className="font-medium text-slate-700">{t("mailUi.unknown.reason")}</dt>
                      <dd>{reasonText(t, m.reason)}</dd>
                    </>
                  )}
                  <dt className="font-medium text-slate-700">{t("mailUi.unknown.preview")}</dt>
                  <dd className="break-words text-slate-900">{m.preview}</dd>
                </dl>
                <div className="flex flex-wrap items-end gap-3">
                  <form action={submitAssignUnknownSender} className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="inboundMailId" value={m.id} />
                    <div className="flex flex-col gap-1">
                      <label htmlFor={`organization-${m.id}`} className="font-medium">
                        {t("mailUi.unknown.organization")}
                      </label>
                      <select
                        id={`organization-${m.id}`}
                        name="organizationId"
                        defaultValue={m.organizationId ?? ""}
                        required
                        className="rounded-md border border-slate-500 bg-white px-3 py-2 text-base focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-600"
                      >
                        {options.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </div>
                    <Button type="submit" aria-label={t("mailUi.unknown.assignLabel", { from: m.fromAddress })}>
                      {t("mailUi.unknown.assign")}
                    </Button>
                  </form>
                  <a href={`/arbeid/epost/${m.id}`} download={`${m.id}.eml`} className="text-blue-800 underline underline-offset-2">
                    {t("mailUi.original")}
                  </a>
                  <ConfirmDialog
                    action={submitRejectUnknownSender}
                    hidden={{ inboundMailId: m.id }}
                    label={t("mailUi.unknown.reject")}
                    ariaLabel={t("mailUi.unknown.rejectLabel", { from: m.fromAddress })}
                    title={t("mailUi.unknown.rejectTitle", { from: m.fromAddress })}
                    body={t("mailUi.unknown.rejectBody")}
                    confirm={t("mailUi.unknown.rejectConfirm")}
                    cancel={t("mailUi.cancel")}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

/** Intake's reason in words (mailIntake.reason.*); a code it has no words for shows as itself. */
function reasonText(t: (key: MessageKey) => string, reason: string): string {
  const key = `mailIntake.reason.${reason}` as MessageKey;
  const text = t(key);
  return text === key ? reason : text;
}
