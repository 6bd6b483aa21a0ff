import "server-only";
/** Language and time formatting for notifications: Norwegian bokmål by default, English on request, times in the configured zone (TIME_ZONE). */
import { zoneFormat } from "../../config/time-zone";
import { LANGUAGE_TAGS, type Locale } from "../../i18n/locales";

export type { Locale };

export function localeOf(value: string | null | undefined): Locale {
  return value?.toLowerCase().startsWith("en") ? "en" : "nb";
}

const formatters = new Map<Locale, Intl.DateTimeFormat>();

/** An instant as local wall time, e.g. "22. nov. 2026, 09:06" or "22 Nov 2026, 09:06". */
export function osloTime(iso: string, locale: Locale): string {
  let f = formatters.get(locale);
  if (!f) {
    f = zoneFormat(LANGUAGE_TAGS[locale], { dateStyle: "medium", timeStyle: "short" });
    formatters.set(locale, f);
  }
  return f.format(new Date(iso));
}

/** "2026-10" as "oktober 2026" / "October 2026". */
export function monthName(month: string, locale: Locale): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { timeZone: "UTC", month: "long", year: "numeric" }).format(Date.UTC(year, m - 1, 15));
}

/** Percent with at most one decimal, in the locale's style ("92,5 %" / "92.5%"). */
export function percent(value: number, locale: Locale): string {
  const rounded = Math.round(value * 10) / 10;
  return locale === "nb" ? `${String(rounded).replace(".", ",")} %` : `${rounded}%`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Plain text as simple HTML: one paragraph per blank-line-separated block, links made clickable. */
export function textToHtml(text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((block) => {
    const html = escapeHtml(block)
      .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
      .replace(/\n/g, "<br>");
    return `<p>${html}</p>`;
  });
  return `<!doctype html><html><body style="font-family: system-ui, sans-serif">${paragraphs.join("")}</body></html>`;
}
