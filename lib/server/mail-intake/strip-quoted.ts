import "server-only";
/**
 * What of an e-mail's text is shown on the ticket: the new words, without the quoted history
 * (lines starting with ">", "On … wrote:" / "Den … skrev …:" blocks, Outlook's
 * "-----Original Message-----" and "From: … Sent: …" blocks) and without the signature (from a
 * "-- " line). Pure. The original is kept whole in InboundMail.raw; if stripping leaves nothing,
 * the whole text is shown.
 */

/** A line that starts the quoted history or the signature: everything from it on is cut. */
function startsHistory(lines: readonly string[], i: number): boolean {
  const line = lines[i]!.trim();
  if (/^--\s*$/.test(lines[i]!) && lines[i]!.startsWith("--")) return true;
  if (/^-{2,}\s*(original message|opprinnelig melding|videresendt melding|forwarded message|begin forwarded message)\s*-{0,}$/i.test(line)) return true;
  if (/^_{10,}$/.test(line) && i + 1 < lines.length && /^(from|fra):\s/i.test(lines[i + 1]!.trim())) return true;
  // Outlook: "From: …" then, within a few lines, "Sent: …" / "Sendt: …" / "Date: …".
  if (/^\*?(from|fra):\*?\s/i.test(line)) {
    for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) {
      if (/^\*?(sent|sendt|date|dato):\*?\s/i.test(lines[j]!.trim())) return true;
    }
  }
  // "On Mon, 1 Dec 2026 at 10:00, Kari <kari@example.no> wrote:" (perhaps wrapped over two lines),
  // "Den man. 1. des. 2026 kl. 10:00 skrev Kari <kari@example.no>:", "tir. 1. des. 2026 kl. 10:00 skrev …:".
  const withNext = i + 1 < lines.length ? `${line} ${lines[i + 1]!.trim()}` : line;
  for (const text of [line, withNext]) {
    if (/^on\s.*\bwrote:\s*$/i.test(text)) return true;
    if (/\d.*\bskrev\b.*:\s*$/i.test(text) && text.length < 300) return true;
  }
  return false;
}

export function stripQuoted(text: string): string {
  const full = text.replace(/\r\n?/g, "\n");
  const lines = full.split("\n");
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (startsHistory(lines, i)) {
      end = i;
      break;
    }
  }
  const kept = lines
    .slice(0, end)
    .filter((line) => !line.trimStart().startsWith(">"))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return kept || full.trim();
}
