import "server-only";
/**
 * The locale of the current request for server components and actions: the signed-in user's
 * choice, else the `locale` cookie, else Norwegian.
 */
import { cache } from "react";
import { cookies } from "next/headers";
import { getActor } from "../server/auth/session";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "./locales";
import { translator, type Translate } from "./t";

export const getLocale = cache(async (): Promise<Locale> => {
  const actor = await getActor();
  if (actor && isLocale(actor.locale)) return actor.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(cookie) ? cookie : DEFAULT_LOCALE;
});

/** `const t = await getT(); t("portal.newTicket")`; `t.locale` is the locale it speaks. */
export async function getT(): Promise<Translate & { locale: Locale }> {
  const locale = await getLocale();
  return Object.assign(translator(locale), { locale });
}
