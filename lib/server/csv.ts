import "server-only";
/**
 * The one owner of how the app writes a CSV cell (issue 14): quoted when it holds the separator, a
 * quote or a line break, and neutralised when it could run as a spreadsheet formula. A text cell
 * beginning with =, +, -, @, tab or CR gets a leading ' so Excel and LibreOffice show it as text
 * (OWASP "CSV injection"). Numbers the app computes are written as numbers and left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | boolean | null, separator: string, formatNumber: (n: number) => string = String): string {
  const text = value === null ? "" : typeof value === "number" ? formatNumber(value) : typeof value === "boolean" ? String(value) : neutraliseFormula(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
