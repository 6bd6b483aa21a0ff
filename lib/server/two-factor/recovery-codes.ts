import "server-only";
/**
 * One-time recovery codes: 10 per user, each 10 characters from an alphabet without look-alikes
 * (about 49 bits), shown once as "xxxxx-xxxxx"; only the SHA-256 of the normalised code is stored.
 */
import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const LENGTH = 10;

export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Lower-cased, without spaces and dashes: what a person types in any of the usual ways. */
export const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, "");

/** Whether the typed text has a recovery code's shape (not a 6-digit TOTP code). */
export const looksLikeRecoveryCode = (code: string): boolean => new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(normaliseRecoveryCode(code));

export const hashRecoveryCode = (code: string): string => createHash("sha256").update(normaliseRecoveryCode(code), "utf8").digest("hex");

export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  return { codes, hashes: codes.map(hashRecoveryCode) };
}
