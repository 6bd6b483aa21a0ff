/**
 * Looking up a message: t(locale, "area.key", { name: "Kari" }) fills {name} placeholders. Pure,
 * so server components, client components and tests can all use it.
 */
import type { Catalog } from "./catalog";
import type { Locale } from "./locales";
import { areas } from "./messages";

type Areas = typeof areas;
type KeysOf<C> = C extends Catalog<infer K> ? K : never;
export type MessageKey = { [A in keyof Areas & string]: `${A}.${KeysOf<Areas[A]>}` }[keyof Areas & string];
export type MessageVars = Record<string, string | number>;

/** A translator bound to one locale (what getT() returns). */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export function interpolate(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function t(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const dot = key.indexOf(".");
  const area = areas[key.slice(0, dot) as keyof Areas] as Catalog<string>;
  const message = area[locale][key.slice(dot + 1)];
  return interpolate(message ?? key, vars);
}

export const translator =
  (locale: Locale): Translate =>
  (key, vars) =>
    t(locale, key, vars);
