import "server-only";
/**
 * The tokens of one-time account links (issue 15). A link's token is derived from its id under a
 * key drawn from NEXTAUTH_SECRET (HMAC-SHA256), so nothing at rest holds it: the AccountLink row
 * keeps only the token's SHA-256, and the invitation's Notification row only the link's id; the
 * token is computed again when the e-mail is rendered. Without the secret neither the database
 * nor the outbox gives a usable link.
 */
import { createHash, createHmac } from "node:crypto";
import { ConfigError, readEnv } from "../../config/env";

/** How long an invitation or reset link works. */
export const ACCOUNT_LINK_HOURS = 72;

function linkKey(secret: string | undefined): Buffer {
  if (!secret) throw new ConfigError("NEXTAUTH_SECRET is not set: account links (invitations, password resets) are derived from it");
  return createHmac("sha256", secret).update("helpdesk account-link v1").digest();
}

/** The token of a link (what the e-mail carries); `secret` defaults to NEXTAUTH_SECRET. */
export function accountLinkToken(linkId: string, secret: string | undefined = readEnv().NEXTAUTH_SECRET): string {
  return createHmac("sha256", linkKey(secret)).update(linkId).digest("base64url");
}

/** What the database keeps of a token: its SHA-256, hex. */
export const accountLinkTokenHash = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/** The page where the person sets their password. */
export const setPasswordUrl = (appUrl: string, token: string): string => {
  const url = new URL("/passord/ny", appUrl);
  url.searchParams.set("token", token);
  return url.toString();
};
