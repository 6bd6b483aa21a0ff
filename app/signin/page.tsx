/**
 * /signin: e-mail and password, the global identity provider's button when it is configured, and
 * one button per organisation that has its own identity provider enabled (lib/server/oidc/),
 * labelled with the display name its provider admin chose.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { options } from "@/lib/server/auth/options";
import { OIDC_PROVIDER_ID } from "@/lib/server/auth/oidc";
import { listOidcSignInOptions } from "@/lib/server/oidc";
import { db } from "@/lib/server/db/prisma";
import { getLocale, getT } from "@/lib/i18n/server";
import { getActor, getSignInState } from "@/lib/server/auth/session";
import { t as translate } from "@/lib/i18n";
import { PageHeader } from "@/components/page-header";
import { SignInForm } from "@/components/sign-in-form";
import { ProviderSignInButton } from "@/components/provider-sign-in-button";
import { homeFor } from "@/lib/nav-items";
import { safeCallbackUrl } from "./safe-callback";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "auth.signin.title") };
}

type Search = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const actor = await getActor();
  if (actor) redirect(safeCallbackUrl(search.callbackUrl, homeFor(actor.role)));
  // Signed in with the password but not yet past the second step (issue 15): that step next.
  if ((await getSignInState())?.secondFactor) redirect(`/signin/two-factor?callbackUrl=${encodeURIComponent(safeCallbackUrl(search.callbackUrl))}`);
  const t = await getT();
  const callbackUrl = safeCallbackUrl(search.callbackUrl);
  const global = options.providers.find((p) => p.id === OIDC_PROVIDER_ID);
  const providers = [...(global ? [{ providerId: global.id, name: global.name }] : []), ...(await listOidcSignInOptions(db()))];
  const error = search.error ? t(search.error === "CredentialsSignin" ? "auth.signin.failed" : "auth.signin.providerFailed") : null;
  return (
    <main className="mx-auto flex max-w-md flex-col gap-6 px-4 py-12 sm:px-6">
      <PageHeader title={t("auth.signin.title")} lead={t("auth.signin.intro")} />
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={error}
        text={{
          email: t("auth.signin.email"),
          password: t("auth.signin.password"),
          submit: t("auth.signin.submit"),
          pending: t("auth.signin.pending"),
          failed: t("auth.signin.failed"),
          rateLimited: t("auth.signin.rateLimited"),
        }}
      />
      <Link href="/glemt-passord" className="text-blue-800 underline underline-offset-2">
        {t("account.forgot.link")}
      </Link>
      {providers.length > 0 && (
        <div className="flex flex-col gap-3 border-t border-slate-300 pt-4" data-testid="sign-in-providers">
          <p className="text-center text-slate-700">{t("auth.signin.or")}</p>
          {providers.map((p) => (
            <ProviderSignInButton key={p.providerId} providerId={p.providerId} label={t("auth.signin.withProvider", { name: p.name })} callbackUrl={callbackUrl} />
          ))}
        </div>
      )}
    </main>
  );
}
