/**
 * Norwegian organisation numbers (organisasjonsnummer, Brønnøysundregistrene): nine digits, the
 * last a modulus-11 check digit over the first eight with weights 3 2 7 6 5 4 3 2. A remainder of
 * 0 gives check digit 0; one that would need check digit 10 is never issued. Pure, safe anywhere.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The number as people type it ("923 609 016", "923609016") without spaces; other characters are kept, so they fail the check. */
export const normalizeOrgNumber = (text: string): string => text.replace(/[\s\u00a0]/g, "");

/** True for nine digits whose last is the modulus-11 check digit of the first eight. */
export function isValidOrgNumber(text: string): boolean {
  const digits = normalizeOrgNumber(text);
  if (!/^\d{9}$/.test(digits)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === Number(digits[8]);
}
