/** The languages of the UI: Norwegian bokmål by default, English on choice. */
export const LOCALES = ["nb", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nb";
/** The cookie that carries the choice for visitors who are not signed in. */
export const LOCALE_COOKIE = "locale";

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);
export const toLocale = (value: unknown): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

/** BCP 47 tags for Intl and the html lang attribute. */
export const LANGUAGE_TAGS: Record<Locale, string> = { nb: "nb-NO", en: "en-GB" };
