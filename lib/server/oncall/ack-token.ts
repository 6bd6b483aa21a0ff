import "server-only";
/**
 * The one-time acknowledgement link of an on-call notice: "oc_" + 32 random bytes (base64url) +
 * "." + the instant it expires (Unix seconds; ONCALL_ACK_LINK_HOURS after the notice, 24 h by
 * default). Only its SHA-256 is stored (Escalation.ackTokenHash), so the expiry cannot be changed
 * without the link no longer matching; each notice gets a new token, so a link is valid only for
 * the page's latest notice, and it acknowledges only that page.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

export const AckTokenSchema = z.string().regex(/^oc_[A-Za-z0-9_-]{43}\.[0-9]{10,11}$/, "not an acknowledgement token");

export const generateAckToken = (now: Date, validHours: number): string => `oc_${randomBytes(32).toString("base64url")}.${Math.floor(now.getTime() / 1000 + validHours * 3600)}`;

/** Whether a well-formed token's link has expired at `now`. */
export const ackTokenExpired = (token: string, now: Date): boolean => Number(token.slice(token.lastIndexOf(".") + 1)) * 1000 <= now.getTime();

export const hashAckToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

export const ackUrlFor = (appUrl: string, token: string): string => new URL(`/oncall/ack/${token}`, appUrl).toString();
