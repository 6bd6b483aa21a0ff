/** /profile/two-factor: turn two-factor sign-in on (key, code, recovery codes shown once), make new recovery codes, or turn it off when it is not required. */
import type { Metadata } from "next";
import { getLocale } from "@/lib/i18n/server";
import { LANGUAGE_TAGS, t as translate } from "@/lib/i18n";
import { zoneFormat } from "@/lib/config/time-zone";
import { withSession } from "@/lib/server/http/session";
import { requestContext } from "@/lib/server/http/request-context";
import { twoFactorStatus } from "@/lib/server/two-factor/status";
import { startTwoFactorEnrolment } from "@/lib/server/two-factor/start-enrolment";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { TwoFactorCodeForm } from "@/components/two-factor-code-form";
import { TotpSecret } from "@/components/totp-secret";
import { submitDisableTwoFactor, submitProfileEnrolment, submitRegenerateRecoveryCodes } from "./actions";

export const dynamic = "force-dynamic";

const PATH = "/profile/two-factor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "twofa.profile.title") };
}

export default async function ProfileTwoFactorPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const { actor, t } = await withSession("signed-in", PATH);
  const { done } = await searchParams;
  const ctx = await requestContext();
  const status = await twoFactorStatus({ actor, ctx });
  const codes = { codesTitle: t("twofa.codes.title"), codesIntro: t("twofa.codes.intro"), continue: t("twofa.codes.continue") };

  if (!status.enabled) {
    const enrolment = await startTwoFactorEnrolment({ userId: actor.userId, ctx });
    return (
      <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
        <PageHeader title={t("twofa.profile.title")} lead={t("twofa.profile.off")} />
        {done === "disabled" && <StatusMessage message={t("twofa.profile.disabled")} />}
        <h2 className="text-xl font-semibold">{t("twofa.enrol.title")}</h2>
        <p>{t("twofa.enrol.intro")}</p>
        <TotpSecret secret={enrolment.secret} uri={enrolment.uri} text={{ secret: t("twofa.enrol.secret"), uri: t("twofa.enrol.uri") }} />
        <TwoFactorCodeForm
          id="enrol-code"
          action={submitProfileEnrolment}
          continueHref={`${PATH}?done=enabled`}
          text={{ code: t("twofa.enrol.code"), submit: t("twofa.enrol.submit"), pending: t("twofa.enrol.pending"), ...codes }}
        />
      </main>
    );
  }

  const since = status.enabledAt ? zoneFormat(LANGUAGE_TAGS[t.locale], { dateStyle: "long" }).format(status.enabledAt) : "";
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-10 sm:px-6">
      <PageHeader title={t("twofa.profile.title")} lead={t("twofa.profile.on", { date: since })} />
      {done === "enabled" && <StatusMessage message={t("twofa.profile.enabled")} />}
      <p data-testid="recovery-codes-left">{t("twofa.profile.codesLeft", { count: status.recoveryCodesLeft })}</p>
      <section aria-labelledby="regenerate" className="flex flex-col gap-3">
        <h2 id="regenerate" className="text-xl font-semibold">
          {t("twofa.profile.regenerate")}
        </h2>
        <p className="text-sm text-slate-700">{t("twofa.profile.regenerateHelp")}</p>
        <TwoFactorCodeForm
          id="regenerate-code"
          action={submitRegenerateRecoveryCodes}
          continueHref={PATH}
          text={{ code: t("twofa.enrol.code"), submit: t("twofa.profile.regenerateSubmit"), pending: t("twofa.profile.pending"), ...codes }}
        />
      </section>
      <section aria-labelledby="disable" className="flex flex-col gap-3">
        <h2 id="disable" className="text-xl font-semibold">
          {t("twofa.profile.disable")}
        </h2>
        {status.required ? (
          <p>{t("twofa.profile.required")}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">{t("twofa.profile.disableHelp")}</p>
            <TwoFactorCodeForm
              id="disable-code"
              action={submitDisableTwoFactor}
              continueHref={PATH}
              text={{ code: t("twofa.enrol.code"), submit: t("twofa.profile.disableSubmit"), pending: t("twofa.profile.pending"), ...codes }}
            />
          </>
        )}
      </section>
    </main>
  );
}
