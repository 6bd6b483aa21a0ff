import "server-only";
/**
 * An incoming message read with mailparser into what intake needs: its Message-ID (or one made
 * from the hash of its bytes), sender, recipients, subject, the ids it refers to (newest first),
 * the headers loop protection reads, its text and its files.
 */
import { createHash } from "node:crypto";
import { simpleParser, type AddressObject } from "mailparser";

export interface MailFile {
  name: string;
  contentType: string;
  content: Buffer;
  /** An image shown in the text (Content-ID), not a file the sender attached. */
  inline: boolean;
}

export interface ParsedMail {
  messageId: string;
  sentAt: Date | null;
  /** Lower-cased; "" when the message has no usable From. */
  fromAddress: string;
  fromName: string | null;
  toAddresses: string[];
  ccAddresses: string[];
  subject: string;
  /** In-Reply-To, then References from the newest to the oldest, without repeats. */
  references: string[];
  /** Header name (lower case) → its value as text. */
  headers: Map<string, string>;
  contentType: { value: string; params: Record<string, string> };
  text: string;
  /** The text of the parts a delivery report carries (the report and the original's headers), for bounce handling. */
  embedded: string;
  files: MailFile[];
}

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Text PostgreSQL can store (no NUL, no unpaired surrogate: lib/server/validation.ts). */
export const storableText = (s: string): string => s.replace(NUL, "").replace(UNPAIRED_SURROGATE, "\uFFFD");

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) => group.value.flatMap((a) => (a.group ? a.group : [a]))).filter((a) => a.address);

const ids = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).map((s) => s.trim()).filter((s) => /^<[^<>\s]+>$/.test(s));

const MAX_MESSAGE_ID = 500;
const hashId = (raw: Buffer) => `<${createHash("sha256").update(raw).digest("hex")}@inbound.invalid>`;

/**
 * The message read; one mailparser cannot read at all is still taken in (it must not block the
 * mailbox or be lost): known by its hash, with no sender, its bytes as text.
 */
export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  try {
    return await readMail(raw);
  } catch {
    const text = storableText(raw.toString("utf8")).trim();
    return {
      messageId: hashId(raw),
      sentAt: null,
      fromAddress: "",
      fromName: null,
      toAddresses: [],
      ccAddresses: [],
      subject: "",
      references: [],
      headers: new Map(),
      contentType: { value: "text/plain", params: {} },
      text,
      embedded: "",
      files: [],
    };
  }
}

async function readMail(raw: Buffer): Promise<ParsedMail> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const from = addresses(parsed.from)[0];
  const headers = new Map<string, string>();
  // The header lines as sent (mailparser folds some, e.g. List-* into one "list" header); the first of a name wins.
  for (const { key, line } of parsed.headerLines) {
    const name = key.toLowerCase();
    if (!headers.has(name))
      headers.set(
        name,
        line
          .slice(line.indexOf(":") + 1)
          .replace(/\r?\n[ \t]+/g, " ")
          .trim(),
      );
  }
  const contentTypeHeader = parsed.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  const header = parsed.messageId?.trim();
  // Kept with its angle brackets; none, or one too long to index, is the hash of the bytes.
  const cleaned = header?.replace(/[<>\s]/g, "") ?? "";
  const messageId = cleaned && cleaned.length <= MAX_MESSAGE_ID ? `<${cleaned}>` : hashId(raw);
  const references = [...new Set([...ids(parsed.inReplyTo), ...ids(parsed.references).reverse()])];
  return {
    messageId,
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    fromAddress: (from?.address ?? "").trim().toLowerCase(),
    fromName: storableText(from?.name ?? "").trim() || null,
    toAddresses: addresses(parsed.to).map((a) => a.address!.toLowerCase()),
    ccAddresses: addresses(parsed.cc).map((a) => a.address!.toLowerCase()),
    subject: storableText(parsed.subject ?? "").trim(),
    references,
    headers,
    contentType: { value: (contentTypeHeader?.value ?? "text/plain").toLowerCase(), params: contentTypeHeader?.params ?? {} },
    text: storableText(parsed.text ?? "").trim(),
    embedded: parsed.attachments
      .filter((a) => a.contentType.startsWith("message/") || a.contentType === "text/rfc822-headers")
      .map((a) => a.content.toString("utf8"))
      .join("\n"),
    files: parsed.attachments
      .filter((a) => !a.contentType.startsWith("message/") && !a.contentType.startsWith("text/rfc822-headers"))
      .map((a) => ({
        name: a.filename ?? (a.contentType.split("/")[1] ? `file.${a.contentType.split("/")[1]}` : "file"),
        contentType: a.contentType,
        content: a.content,
        inline: a.contentDisposition === "inline" || Boolean(a.related),
      })),
  };
}
