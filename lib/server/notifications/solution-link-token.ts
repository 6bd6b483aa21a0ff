import "server-only";
/**
 * The one-click links of a "your ticket is solved" e-mail (issue 17): `/sak-svar/<token>`, where
 * the token is the notification's id and an HMAC-SHA256 of it under a key drawn from
 * NEXTAUTH_SECRET (as account links are, lib/server/people/account-link-token.ts). Nothing at
 * rest holds the token; it is derived again when the e-mail is rendered. What the token may do
 * (only that ticket, only while it is solved in that round, until confirmationDueAt) is checked
 * by answer-solution-link.ts against the notification it names.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { ConfigError, readEnv } from "../../config/env";

function linkKey(secret: string | undefined): Buffer {
  if (!secret) throw new ConfigError("NEXTAUTH_SECRET is not set: the links of a solved ticket's e-mail are derived from it");
  return createHmac("sha256", secret).update("helpdesk solution-link v1").digest();
}

const mac = (notificationId: string, secret: string | undefined) => createHmac("sha256", linkKey(secret)).update(notificationId).digest("base64url");

/** The token of a solved notice's links; `secret` defaults to NEXTAUTH_SECRET. */
export function solutionLinkToken(notificationId: string, secret: string | undefined = readEnv().NEXTAUTH_SECRET): string {
  return `${notificationId}.${mac(notificationId, secret)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The notification id a token names, or null when it is malformed or not ours. */
export function notificationIdOf(token: string, secret: string | undefined = readEnv().NEXTAUTH_SECRET): string | null {
  const dot = token.indexOf(".");
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  if (!UUID.test(id)) return null;
  const given = Buffer.from(token.slice(dot + 1), "utf8");
  const expected = Buffer.from(mac(id, secret), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

export type SolutionAnswer = "accept" | "reopen";

/** The page a link opens: the token in the path, what the button will do in `?svar=`. */
export function solutionLinkUrl(appUrl: string, token: string, answer: SolutionAnswer): string {
  const url = new URL(`/sak-svar/${encodeURIComponent(token)}`, appUrl);
  url.searchParams.set("svar", answer === "accept" ? "godta" : "gjenapne");
  return url.toString();
}
