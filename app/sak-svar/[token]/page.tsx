/**
 * /sak-svar/<token>?svar=godta|gjenapne: the one-click answer to a "your ticket is solved" e-mail
 * (issue 17), without signing in. Showing the page changes nothing (mail scanners follow links):
 * it shows the ticket's reference and title and one button; only the button's post accepts or
 * reopens (with a reason). In the recipient's language (the link's), or `?lang=nb|en`.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { translator, type Locale } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";
import { db } from "@/lib/server/db/prisma";
import { findSolutionLink } from "@/lib/server/notifications/answer-solution-link";
import { osloTime } from "@/lib/server/notifications/format";
import { ErrorMessage } from "@/components/error-message";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { SubmitButton } from "@/components/submit-button";
import { TextArea } from "@/components/text-area";
import { answerSolution } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getLocale())("notices.answer.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

type Search = { svar?: string; lang?: string; ferdig?: string; mangler?: string };

export default async function SolutionAnswerPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Search> }) {
  // A token is a uuid, a dot and base64url: nothing in it is percent-encoded.
  const { token } = await params;
  const search = await searchParams;
  const link = await findSolutionLink(db(), token, new Date());
  const asked: Locale | null = search.lang === "en" || search.lang === "nb" ? search.lang : null;
  const locale: Locale = asked ?? link?.locale ?? (await getLocale());
  const t = translator(locale);
  const reopen = search.svar === "gjenapne";
  const done = search.ferdig === "godtatt" ? t("notices.answer.accepted") : search.ferdig === "gjenapnet" ? t("notices.answer.reopened") : null;

  return (
    <main lang={locale} className="mx-auto flex max-w-lg flex-col gap-6 px-4 py-12 sm:px-6" data-testid="solution-answer">
      <PageHeader title={t("notices.answer.title")} lead={link ? t("notices.mail.ticketLine", { reference: link.reference, title: link.title }) : undefined} />
      {done ? (
        <StatusMessage message={done} />
      ) : !link ? (
        <>
          <ErrorMessage message={t("notices.answer.invalid")} />
          <Link href="/signin" className="text-blue-800 underline underline-offset-2">
            {t("notices.answer.signIn")}
          </Link>
        </>
      ) : (
        <form action={answerSolution} className="flex flex-col gap-4">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="lang" value={locale} />
          <input type="hidden" name="answer" value={reopen ? "reopen" : "accept"} />
          <p>{t(reopen ? "notices.answer.reopenLead" : "notices.answer.acceptLead")}</p>
          {reopen && <TextArea id="reopen-reason" name="reason" label={t("notices.answer.reason")} error={search.mangler ? t("notices.answer.reason") : undefined} maxLength={2000} required />}
          <p className="text-sm text-slate-700">{t("notices.answer.closesAt", { closesAt: osloTime(link.confirmationDueAt.toISOString(), locale) })}</p>
          <div>
            <SubmitButton label={t(reopen ? "notices.answer.reopen" : "notices.answer.accept")} pendingLabel={t("notices.answer.pending")} />
          </div>
        </form>
      )}
    </main>
  );
}
