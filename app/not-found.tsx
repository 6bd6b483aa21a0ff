import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-16 sm:px-6">
      <h1 className="text-2xl font-bold">{t("common.notFound.title")}</h1>
      <p className="text-slate-700">{t("common.notFound.body")}</p>
      <Link href="/" className="font-medium text-blue-800 underline">
        {t("common.notFound.home")}
      </Link>
    </main>
  );
}
