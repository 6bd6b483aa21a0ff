/** /profile: who you are, the language of the UI, and signing out everywhere. */
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "@/lib/i18n/server";
import { withSession } from "@/lib/server/http/session";
import { LOCALES, t as translate } from "@/lib/i18n";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { SubmitButton } from "@/components/submit-button";
import { DUTY_NOTICES, OPTIONAL_NOTICES, mutedNoticesOf } from "@/lib/server/notifications";
import { defaultContext } from "@/lib/server/tickets/context";
import { isStaff } from "@/lib/server/actor";
import { endAllMySessions, saveLocale, saveNotices } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "auth.profile.title") };
}

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ saved?: string; notices?: string }> }) {
  const { actor, t } = await withSession("signed-in", "/profile");
  const { saved, notices } = await searchParams;
  const muted = isStaff(actor) ? [] : await mutedNoticesOf(defaultContext(), actor);
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-10 sm:px-6">
      <PageHeader title={t("auth.profile.title")} />
      {saved && <StatusMessage message={t("auth.profile.saved")} />}
      <section aria-labelledby="details" className="flex flex-col gap-3">
        <h2 id="details" className="text-xl font-semibold">
          {t("auth.profile.details")}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-medium">{t("auth.profile.name")}</dt>
          <dd>{actor.name}</dd>
          <dt className="font-medium">{t("auth.profile.email")}</dt>
          <dd className="break-all">{actor.email}</dd>
          <dt className="font-medium">{t("auth.profile.role")}</dt>
          <dd>{t(`auth.role.${actor.role}`)}</dd>
        </dl>
      </section>
      <p>
        <Link href="/profile/two-factor" className="font-medium text-blue-800 underline underline-offset-2">
          {t("twofa.profile.link")}
        </Link>
      </p>
      <form action={saveLocale} className="flex flex-col gap-4">
        <fieldset className="flex flex-col gap-2">
          <legend className="text-xl font-semibold">{t("auth.profile.language")}</legend>
          <p id="language-help" className="text-sm text-slate-700">
            {t("auth.profile.languageHelp")}
          </p>
          {LOCALES.map((locale) => (
            <label key={locale} className="flex min-h-11 items-center gap-3">
              <input type="radio" name="locale" value={locale} defaultChecked={locale === t.locale} aria-describedby="language-help" className="h-5 w-5" />
              <span lang={locale}>{t(`auth.language.${locale}`)}</span>
            </label>
          ))}
        </fieldset>
        <div>
          <SubmitButton label={t("auth.profile.save")} pendingLabel={t("common.loading")} />
        </div>
      </form>
      {/* Customer notices go to customers' users (the requester); staff get their own notifications. */}
      {!isStaff(actor) && (
        <form action={saveNotices} className="flex flex-col gap-4" id="notices" data-testid="notice-settings">
          <fieldset className="flex flex-col gap-2">
            <legend className="text-xl font-semibold">{t("notices.settings.title")}</legend>
            <p id="notices-help" className="text-sm text-slate-700">
              {t("notices.settings.help")}
            </p>
            {notices && <StatusMessage message={t("notices.settings.saved")} />}
            {DUTY_NOTICES.map((n) => (
              <label key={n} className="flex min-h-11 items-center gap-3 text-slate-700">
                <input type="checkbox" checked disabled aria-describedby="notices-help" className="h-5 w-5" data-testid={`notice-${n}`} />
                <span>
                  {t(`notices.template.${n}`)} <span className="text-sm">({t("notices.settings.always")})</span>
                </span>
              </label>
            ))}
            {OPTIONAL_NOTICES.map((n) => (
              <label key={n} className="flex min-h-11 items-center gap-3">
                <input type="checkbox" name={`send-${n}`} defaultChecked={!muted.includes(n)} aria-describedby="notices-help" className="h-5 w-5" data-testid={`notice-${n}`} />
                <span>{t(`notices.template.${n}`)}</span>
              </label>
            ))}
          </fieldset>
          <div>
            <SubmitButton label={t("notices.settings.save")} pendingLabel={t("common.loading")} />
          </div>
        </form>
      )}
      <form action={endAllMySessions} className="flex flex-col gap-3" aria-labelledby="sessions">
        <h2 id="sessions" className="text-xl font-semibold">
          {t("auth.profile.sessions")}
        </h2>
        <p className="text-sm text-slate-700">{t("auth.profile.sessionsHelp")}</p>
        <div>
          <SubmitButton label={t("auth.profile.signOutEverywhere")} pendingLabel={t("common.loading")} />
        </div>
      </form>
    </main>
  );
}
