/** The header of every page: product name, the menu of the user's role, their name and sign-out. */
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { getActor } from "@/lib/server/auth/session";
import { NAV_BY_ROLE } from "@/lib/nav-items";
import { SignOutButton } from "./sign-out-button";

const LINK =
  "inline-flex min-h-11 items-center rounded-md px-3 py-2 font-medium text-white underline-offset-4 hover:underline focus-visible:outline focus-visible:outline-3 focus-visible:outline-white";

export async function AppHeader() {
  const [actor, t] = await Promise.all([getActor(), getT()]);
  return (
    <header className="bg-slate-900 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:px-6">
        <Link href="/" className={`${LINK} text-lg font-bold`}>
          {t("common.productName")}
        </Link>
        {actor && (
          <nav aria-label={t("common.mainNavigation")} className="order-last w-full sm:order-none sm:w-auto">
            <ul className="flex flex-wrap gap-1">
              {NAV_BY_ROLE[actor.role].map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className={LINK}>
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="ml-auto flex items-center gap-1">
          {actor ? (
            <>
              <Link href="/profile" className={LINK} aria-label={`${t("common.nav.profile")}: ${actor.name}`}>
                {actor.name}
              </Link>
              <SignOutButton label={t("common.signOut")} />
            </>
          ) : (
            <Link href="/signin" className={LINK}>
              {t("common.nav.signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
