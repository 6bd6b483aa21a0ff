import "server-only";
/**
 * One e-mail body, two parts: a customer notice is written once as a list of blocks, and this
 * renders the plain-text part and the HTML part from the same blocks. Every text (our words with
 * the user's content filled in: titles, reply bodies, reasons, names) is escaped in HTML; only
 * the layout around it is ours. The HTML is deliberately plain: one column, system fonts, a quoted
 * block for the user's text and buttons for links, readable in any mail client.
 */
import { escapeHtml } from "./format";

export type MailBlock =
  /** A paragraph of our words (user content filled in). */
  | { kind: "p"; text: string }
  /** Someone's own text (a reply, a solution, a reason): kept as written, set apart. */
  | { kind: "quote"; text: string }
  /** A call to action: a button in HTML, "label: url" in text. */
  | { kind: "links"; links: ReadonlyArray<{ label: string; url: string }> }
  /** Small print at the end. */
  | { kind: "note"; text: string };

export interface MailBody {
  text: string;
  html: string;
}

const paragraph = (text: string) => escapeHtml(text).replace(/\r?\n/g, "<br>");

function blockText(block: MailBlock): string {
  switch (block.kind) {
    case "p":
    case "note":
      return block.text;
    case "quote":
      return block.text
        .trim()
        .split(/\r?\n/)
        .map((line) => `    ${line}`.trimEnd())
        .join("\n");
    case "links":
      return block.links.map((l) => `${l.label}: ${l.url}`).join("\n");
  }
}

function blockHtml(block: MailBlock): string {
  switch (block.kind) {
    case "p":
      return `<p style="margin:0 0 16px">${paragraph(block.text)}</p>`;
    case "note":
      return `<p style="margin:24px 0 0;font-size:13px;color:#475569">${paragraph(block.text)}</p>`;
    case "quote":
      return `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #cbd5e1;background:#f8fafc;white-space:normal">${paragraph(block.text.trim())}</blockquote>`;
    case "links":
      return `<p style="margin:0 0 16px">${block.links
        .map(
          (l) =>
            `<a href="${escapeHtml(l.url)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;border-radius:6px;background:#1e40af;color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(l.label)}</a>`,
        )
        .join("")}</p>`;
  }
}

/** The plain-text and HTML parts of one message; `heading` (e.g. "Sak NL-2026-000123: Skriveren") tops both. */
export function composeMail(heading: string, blocks: readonly MailBlock[]): MailBody {
  const text = [heading, ...blocks.map(blockText)].join("\n\n");
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>` +
    `<body style="margin:0;padding:0;background:#f1f5f9">` +
    `<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5;color:#0f172a">` +
    `<h1 style="margin:0 0 16px;font-size:18px">${paragraph(heading)}</h1>` +
    blocks.map(blockHtml).join("") +
    `</div></body></html>`;
  return { text, html };
}
