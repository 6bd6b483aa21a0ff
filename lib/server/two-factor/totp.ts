import "server-only";
/**
 * TOTP (RFC 6238) through otplib: 6 digits, 30-second steps, SHA-1 (what every authenticator app
 * reads from an otpauth:// URI). Every function takes the instant, so tests choose it. A sign-in
 * takes a code once: `totpMatchedStep` answers the code's step, and refuses a step not after the
 * last one taken (otplib's afterTimeStep; RFC 6238 section 5.2).
 */
import { generate, generateSecret, generateURI, verify } from "otplib";

export const TOTP_ISSUER = "Helpdesk";
/** One step either side of now is accepted: a phone's clock that is a little off still works. */
const TOLERANCE_SECONDS = 30;
const STEP_SECONDS = 30;

const epochOf = (now: Date): number => Math.floor(now.getTime() / 1000);

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, label: string): string => generateURI({ issuer: TOTP_ISSUER, label, secret });

/** The code an authenticator app shows at `now`. */
export const totpCodeAt = (secret: string, now: Date): Promise<string> => generate({ secret, epoch: epochOf(now) });

/** The step (RFC 6238's T) `code` belongs to when it is the secret's code at `now` (± one step) and its step is after `afterStep`; else null. */
export async function totpMatchedStep(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const epoch = epochOf(now);
  // Every step within the tolerance is taken already (otplib refuses to be asked).
  if (afterStep !== null && afterStep >= Math.floor((epoch + TOLERANCE_SECONDS) / STEP_SECONDS)) return null;
  const result = await verify({ secret, token, epoch, epochTolerance: TOLERANCE_SECONDS, ...(afterStep !== null ? { afterTimeStep: afterStep } : {}) });
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}
