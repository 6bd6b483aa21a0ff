import Link from "next/link";
import { redirect } from "next/navigation";
import { PriorityList, type PriorityTarget } from "@/components/priority-list";
import { homeFor } from "@/lib/nav-items";
import { NETPOWER_ORDINARY } from "@/lib/sla/presets";
import { PRIORITIES } from "@/lib/sla/agreement";
import { getT } from "@/lib/i18n/server";
import { getActor } from "@/lib/server/auth/session";

/** The front page for visitors; a signed-in user goes straight to the start page of their role. */
export default async function HomePage() {
  const actor = await getActor();
  if (actor) redirect(homeFor(actor.role));
  const t = await getT();
  const current = NETPOWER_ORDINARY.versions.at(-1)!;
  const targets: PriorityTarget[] = PRIORITIES.flatMap((code) => {
    const target = current.targets[code];
    return target ? [{ code, minutes: target.minutes }] : [];
  });
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-12 sm:px-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("common.productName")}</h1>
        <p className="text-lg text-slate-700">{t("common.home.intro")}</p>
        <p>
          <Link href="/signin" className="font-medium text-blue-800 underline">
            {t("common.home.signIn")}
          </Link>
        </p>
      </header>
      <section className="flex flex-col gap-3" aria-labelledby="priorities">
        <h2 id="priorities" className="text-xl font-semibold">
          {t("common.home.prioritiesTitle")}
        </h2>
        <PriorityList targets={targets} locale={t.locale} />
        <p className="text-sm text-slate-700">{t("common.home.ordinaryNote")}</p>
      </section>
      <footer className="text-sm text-slate-700">
        <a className="underline hover:text-slate-900" href="/api/health">
          {t("common.home.status")}
        </a>
      </footer>
    </main>
  );
}
