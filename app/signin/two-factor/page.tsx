/** /signin/two-factor: the sign-in's second step (a code, or a recovery code), or enrolment first when 2FA is required and not set up. */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getT } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { getSignInState } from "@/lib/server/auth/session";
import { requestContext } from "@/lib/server/http/request-context";
import { startTwoFactorEnrolment } from "@/lib/server/two-factor/start-enrolment";
import { PageHeader } from "@/components/page-header";
import { TwoFactorCodeForm } from "@/components/two-factor-code-form";
import { TotpSecret } from "@/components/totp-secret";
import { CancelSignInButton } from "@/components/cancel-sign-in-button";
import { safeCallbackUrl } from "../safe-callback";
import { submitSecondStep, submitSignInEnrolment } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "twofa.step.title") };
}

export default async function TwoFactorStepPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const search = await searchParams;
  const callbackUrl = safeCallbackUrl(search.callbackUrl);
  const state = await getSignInState();
  if (!state) redirect("/signin");
  if (!state.secondFactor) redirect(callbackUrl);
  const t = await getT();
  const codes = { codesTitle: t("twofa.codes.title"), codesIntro: t("twofa.codes.intro"), continue: t("twofa.codes.continue") };

  if (state.secondFactor === "verify") {
    return (
      <main className="mx-auto flex max-w-md flex-col gap-6 px-4 py-12 sm:px-6">
        <PageHeader title={t("twofa.step.title")} lead={t("twofa.step.intro")} />
        <TwoFactorCodeForm
          action={submitSecondStep.bind(null, callbackUrl)}
          continueHref={callbackUrl}
          text={{ code: t("twofa.step.code"), help: t("twofa.step.codeHelp"), submit: t("twofa.step.submit"), pending: t("twofa.step.pending"), ...codes }}
        />
        <CancelSignInButton label={t("twofa.step.signOut")} />
      </main>
    );
  }

  const enrolment = await startTwoFactorEnrolment({ userId: state.userId, ctx: await requestContext() });
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-12 sm:px-6">
      <PageHeader title={t("twofa.enrol.title")} lead={t("twofa.enrol.required")} />
      <p>{t("twofa.enrol.intro")}</p>
      <TotpSecret secret={enrolment.secret} uri={enrolment.uri} text={{ secret: t("twofa.enrol.secret"), uri: t("twofa.enrol.uri") }} />
      <TwoFactorCodeForm
        action={submitSignInEnrolment.bind(null, callbackUrl)}
        continueHref={callbackUrl}
        text={{ code: t("twofa.enrol.code"), submit: t("twofa.enrol.submit"), pending: t("twofa.enrol.pending"), ...codes }}
      />
      <CancelSignInButton label={t("twofa.step.signOut")} />
    </main>
  );
}
