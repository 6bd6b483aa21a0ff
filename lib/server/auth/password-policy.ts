import "server-only";
/**
 * The password policy (issue 15; OWASP ASVS 2.1 / NIST 800-63B): 12 to 128 characters, any
 * characters, and not a known breached or common password. The list ships with the app (the
 * ~49,000 passwords of `@zxcvbn-ts/language-common`, pinned), so the check makes no network call.
 * A password is also refused when what is left after stripping digits and symbols from both ends
 * is on the list ("password2026!"), or when it is the person's own e-mail address or name.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "personal";

let common: Set<string> | undefined;
const commonPasswords = (): Set<string> => (common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase())));

/** Letters in the middle, digits and symbols trimmed from both ends. */
const core = (password: string) => password.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");

/** Why a password is refused, or null when it is acceptable. Length counts characters (code points), not bytes. */
export function passwordProblem(password: string, personal: { email?: string | null; name?: string | null } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "tooShort";
  if (length > PASSWORD_MAX) return "tooLong";
  const lower = password.toLowerCase();
  const list = commonPasswords();
  const stripped = core(lower);
  if (list.has(lower) || (stripped.length >= 4 && list.has(stripped))) return "common";
  const own = [personal.email, personal.email?.split("@")[0], personal.name?.replace(/\s+/g, "")].filter((s): s is string => !!s && s.length >= 4).map((s) => s.toLowerCase());
  if (own.some((s) => lower === s || stripped === s)) return "personal";
  return null;
}

/** The catalogue key that explains a problem (lib/i18n/messages/account.ts). */
export const passwordProblemKey = (problem: PasswordProblem) => `account.password.${problem}` as const;
