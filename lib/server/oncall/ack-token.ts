/**
 * The one-time acknowledgement link of an on-call notice: "oc_" + 32 random bytes (base64url).
 * Only its SHA-256 is stored (Escalation.ackTokenHash); each notice gets a new token, so a link
 * is valid only for the page's latest notice.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

export const AckTokenSchema = z.string().regex(/^oc_[A-Za-z0-9_-]{43}$/, "not an acknowledgement token");

export const generateAckToken = (): string => "oc_" + randomBytes(32).toString("base64url");

export const hashAckToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

export const ackUrlFor = (appUrl: string, token: string): string => new URL(`/oncall/ack/${token}`, appUrl).toString();
