import "server-only";
/** What the two-factor use cases run with: the use-case context, plus the key that encrypts TOTP secrets (default SECRETS_KEY). */
import { decryptSecret, encryptSecret, secretsKeyFromEnv } from "../secrets";
import type { UseCaseContext } from "../tickets/context";
import type { LockoutPolicy } from "../auth/failed-logins";

export interface TwoFactorContext extends UseCaseContext {
  secretsKey?: Buffer | string;
  /** Wrong codes count as failed sign-ins (default LOGIN_MAX_FAILURES / LOGIN_LOCKOUT_MINUTES). */
  policy?: LockoutPolicy;
}

const keyOf = (ctx: TwoFactorContext): Buffer | string => ctx.secretsKey ?? secretsKeyFromEnv();

export const sealTotpSecret = (ctx: TwoFactorContext, secret: string): string => encryptSecret(secret, keyOf(ctx));
export const openTotpSecret = (ctx: TwoFactorContext, stored: string): string => decryptSecret(stored, keyOf(ctx));
