/** The i18n API that is safe everywhere (server and client): see server.ts for getLocale/getT. */
export { LOCALES, DEFAULT_LOCALE, LOCALE_COOKIE, LANGUAGE_TAGS, isLocale, toLocale, type Locale } from "./locales";
export { catalog } from "./catalog";
export { t, translator, interpolate, type MessageKey, type MessageVars, type Translate } from "./t";
