import "server-only";
/**
 * The shape of an API token: "hd_" + 32 random bytes in base64url. Only its SHA-256 is stored;
 * the first characters are kept in clear to tell tokens apart in lists.
 */
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "hd_";
export const DISPLAY_PREFIX_LENGTH = 10;
/** "hd_" + 43 base64url characters (32 bytes, no padding). */
export const TOKEN_PATTERN = /^hd_[A-Za-z0-9_-]{43}$/;

export const generateToken = (): string => TOKEN_PREFIX + randomBytes(32).toString("base64url");

export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

export const displayPrefixOf = (token: string): string => token.slice(0, DISPLAY_PREFIX_LENGTH);
