import "server-only";
/**
 * What a message must wait for when several are taken in at once: messages from the same sender
 * stay in their order (a reply after the ticket it answers; the sender's rate limit and a new
 * sender's user created once), and a message that names another by In-Reply-To/References waits
 * for it. Read from the raw header block only, without a full parse: this decides scheduling,
 * not meaning (ingest parses properly). Lower-cased, so a header's spelling does not split a chain.
 */
export interface OrderKeys {
  /** Keys this message holds while it is taken in: its sender and its own Message-ID. */
  holds: string[];
  /** Keys of messages it must come after: its sender, and the ids it refers to. */
  waitsFor: string[];
}

const HEADER_LIMIT = 64 * 1024;

export function orderKeys(raw: Buffer): OrderKeys {
  const text = raw.subarray(0, HEADER_LIMIT).toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const head = (end === -1 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
  const headers = new Map<string, string[]>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  const ids = (name: string) => (headers.get(name) ?? []).flatMap((v) => v.match(/<[^<>\s]+>/g) ?? []).map((id) => `id:${id.toLowerCase()}`);
  const from = (headers.get("from") ?? [])[0] ?? "";
  const address = (/<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? /[^\s<>"',;:]+@[^\s<>"',;:]+/.exec(from)?.[0] ?? "").toLowerCase();
  const sender = address ? [`from:${address}`] : [];
  const own = ids("message-id").slice(0, 1);
  return { holds: [...sender, ...own], waitsFor: [...new Set([...sender, ...ids("in-reply-to"), ...ids("references")])] };
}
