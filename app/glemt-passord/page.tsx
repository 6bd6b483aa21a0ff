/** /glemt-passord: ask for a link to choose a new password (no session needed; the same answer for every address). */
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getT } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { PageHeader } from "@/components/page-header";
import { ForgotPasswordForm } from "./forgot-password-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "account.forgot.title"), robots: { index: false, follow: false } };
}

export default async function ForgotPasswordPage() {
  const t = await getT();
  return (
    <main className="mx-auto flex max-w-md flex-col gap-6 px-4 py-12 sm:px-6">
      <PageHeader title={t("account.forgot.title")} lead={t("account.forgot.intro")} />
      <ForgotPasswordForm text={{ email: t("account.forgot.email"), submit: t("account.forgot.submit"), pending: t("account.forgot.pending") }} />
      <Link href="/signin" className="text-blue-800 underline underline-offset-2">
        {t("account.signIn.link")}
      </Link>
    </main>
  );
}
