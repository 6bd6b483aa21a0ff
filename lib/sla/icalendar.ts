/**
 * iCalendar (RFC 5545) text for an on-call person's shift feed, pure: a VCALENDAR of VEVENTs with
 * times in UTC ("…Z", so no VTIMEZONE is needed), TEXT values escaped (§3.3.11), lines folded at 75
 * octets without splitting a UTF-8 character (§3.1), CRLF line ends, and DTSTAMP from the `now`
 * the caller passes.
 */

export interface CalendarEvent {
  /** Globally unique and stable for the same event across fetches (e.g. "<shift id>@helpdesk"). */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description?: string;
}

export interface CalendarFeed {
  /** PRODID, e.g. "-//Helpdesk//Vaktliste//NB". */
  productId: string;
  /** The calendar's name (X-WR-CALNAME, shown by most clients). */
  name: string;
  events: readonly CalendarEvent[];
  now: Date;
}

/** A TEXT value escaped: backslash, semicolon, comma and newlines (§3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** A DATE-TIME in UTC: 19970714T173000Z (milliseconds dropped). */
export function utcDateTime(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

const encoder = new TextEncoder();

/** One content line folded into lines of at most 75 octets; continuation lines start with a space (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // the leading space counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** The whole feed, every line folded and ended with CRLF. */
export function renderCalendar(feed: CalendarFeed): string {
  const stamp = utcDateTime(feed.now);
  const lines: string[] = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${feed.productId}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeText(feed.name)}`];
  for (const event of feed.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcDateTime(event.startsAt)}`,
      `DTEND:${utcDateTime(event.endsAt)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      "TRANSP:OPAQUE",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
