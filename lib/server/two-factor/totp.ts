import "server-only";
/**
 * TOTP (RFC 6238) through otplib: 6 digits, 30-second steps, SHA-1 (what every authenticator app
 * reads from an otpauth:// URI). Every function takes the instant, so tests choose it.
 */
import { generate, generateSecret, generateURI, verify } from "otplib";

export const TOTP_ISSUER = "Helpdesk";
/** One step either side of now is accepted: a phone's clock that is a little off still works. */
const TOLERANCE_SECONDS = 30;

const epochOf = (now: Date): number => Math.floor(now.getTime() / 1000);

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, label: string): string => generateURI({ issuer: TOTP_ISSUER, label, secret });

/** The code an authenticator app shows at `now`. */
export const totpCodeAt = (secret: string, now: Date): Promise<string> => generate({ secret, epoch: epochOf(now) });

/** Whether `code` is the secret's code at `now` (± one step). */
export async function totpMatches(secret: string, code: string, now: Date): Promise<boolean> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const result = await verify({ secret, token, epoch: epochOf(now), epochTolerance: TOLERANCE_SECONDS });
  return result.valid;
}
