/**
 * An organisation's form fields as strings, to and from the use cases' typed input: the fee in
 * kroner ("25 000", "25000,50") to øre, whole numbers, and e-mail domains separated by commas,
 * spaces or lines. What cannot be read is an error by field before any use case is called.
 */
export const ORGANIZATION_FIELDS = [
  "organizationId",
  "name",
  "orgNumber",
  "emailDomains",
  "agreementId",
  "monthlyFee",
  "confirmationWindowHours",
  "onCallOption",
  "defaultEmailPriority",
  "contactPersonLimit",
  "timeZone",
  "ticketPrefix",
] as const;

export type OrganizationFormErrors = Partial<Record<(typeof ORGANIZATION_FIELDS)[number], "fee" | "number">>;

/** "25 000" → 2500000 øre; "" → null; unreadable → undefined. */
export function feeOre(text: string): number | null | undefined {
  const s = text.replace(/[\s\u00a0]/g, "").replace(/(kr|NOK)$/i, "");
  if (s === "") return null;
  if (!/^\d+(?:[.,]\d{1,2})?$/.test(s)) return undefined;
  return Math.round(Number(s.replace(",", ".")) * 100);
}

/** "12" → 12; "" → null; unreadable → undefined. */
export function wholeNumber(text: string): number | null | undefined {
  const s = text.trim();
  if (s === "") return null;
  return /^\d{1,7}$/.test(s) ? Number(s) : undefined;
}

export const splitDomains = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean);

/** Øre → "25000" or "25000,50" for the form. */
export const feeText = (ore: number | null): string => (ore === null ? "" : ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace(".", ","));
