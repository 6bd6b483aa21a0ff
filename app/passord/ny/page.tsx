/**
 * /passord/ny?token=…: choose a password from an invitation or reset link. Showing the page uses
 * nothing (mail scanners follow links); only the form's post uses the link.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getT } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { db } from "@/lib/server/db/prisma";
import { findOpenAccountLink } from "@/lib/server/people";
import { ErrorMessage } from "@/components/error-message";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { NewPasswordForm } from "./new-password-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "account.setPassword.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function NewPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[]; done?: string }> }) {
  const search = await searchParams;
  const t = await getT();
  const token = typeof search.token === "string" ? search.token : "";
  const link = search.done ? null : await findOpenAccountLink(db(), token, new Date());
  return (
    <main className="mx-auto flex max-w-md flex-col gap-6 px-4 py-12 sm:px-6">
      <PageHeader
        title={t("account.setPassword.title")}
        lead={link ? t(link.purpose === "INVITE" ? "account.setPassword.introInvite" : "account.setPassword.introReset", { name: link.user.name, email: link.user.email }) : undefined}
      />
      {search.done ? (
        <>
          <StatusMessage message={t("account.setPassword.done")} />
          <Link href="/signin" className="text-blue-800 underline underline-offset-2">
            {t("account.signIn.link")}
          </Link>
        </>
      ) : link ? (
        <NewPasswordForm
          token={token}
          email={link.user.email}
          text={{
            password: t("account.setPassword.password"),
            repeat: t("account.setPassword.repeat"),
            help: t("account.password.help"),
            submit: t("account.setPassword.submit"),
            pending: t("account.setPassword.pending"),
          }}
        />
      ) : (
        <>
          <ErrorMessage message={t("account.setPassword.invalid")} />
          <Link href="/glemt-passord" className="text-blue-800 underline underline-offset-2">
            {t("account.setPassword.askAgain")}
          </Link>
        </>
      )}
    </main>
  );
}
