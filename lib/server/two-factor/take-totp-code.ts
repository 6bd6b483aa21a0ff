import "server-only";
/**
 * A TOTP code is taken once (RFC 6238 §5.2): at sign-in, and where a signed-in user confirms
 * something with a code (new recovery codes, turning two-factor off), so a code seen over
 * someone's shoulder cannot be used a second time within its window.
 */
import type { DbClient } from "../db/prisma";
import { totpMatchedStep } from "./totp";

/**
 * True when `code` is the user's code at `now` (± one step) and its step comes after the last one
 * taken, which it then is: once, also when two requests race with the same code, as the recorded
 * step only moves forward.
 */
export async function takeTotpCode(db: DbClient, user: { id: string; totpLastStep: number | null }, secret: string, code: string, now: Date): Promise<boolean> {
  const step = await totpMatchedStep(secret, code, now, user.totpLastStep);
  if (step === null) return false;
  const { count } = await db.user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
  return count === 1;
}
