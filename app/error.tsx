"use client";
/** Any unexpected error: a plain message in the page's language, never a stack trace. */
import { t, toLocale } from "@/lib/i18n";
import { Button } from "@/components/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = toLocale(typeof document === "undefined" ? undefined : document.documentElement.lang);
  return (
    <main className="mx-auto flex max-w-3xl flex-col items-start gap-4 px-4 py-16 sm:px-6">
      <h1 className="text-2xl font-bold">{t(locale, "common.error.title")}</h1>
      <p role="alert" className="text-slate-700">
        {t(locale, "common.error.body")}
      </p>
      <Button onClick={reset}>{t(locale, "common.error.retry")}</Button>
    </main>
  );
}
