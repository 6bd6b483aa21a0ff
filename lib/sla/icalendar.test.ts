import { describe, expect, it } from "vitest";
import { escapeText, foldLine, renderCalendar, utcDateTime } from "./icalendar";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("RFC 5545 text", () => {
  it("escapes backslash, semicolon, comma and newlines in TEXT values", () => {
    expect(escapeText("Vakt; primær, uke A\\B\nlinje 2\r\nlinje 3")).toBe("Vakt\\; primær\\, uke A\\\\B\\nlinje 2\\nlinje 3");
  });

  it("writes DATE-TIME in UTC without milliseconds", () => {
    expect(utcDateTime(new Date("2026-03-29T07:00:00.999Z"))).toBe("20260329T070000Z");
  });

  it("folds at 75 octets, continuation lines start with a space, and never splits a UTF-8 character", () => {
    const short = "SUMMARY:" + "a".repeat(67);
    expect(foldLine(short)).toBe(short);
    const long = "DESCRIPTION:" + "æ".repeat(80); // 12 + 160 octets
    const folded = foldLine(long);
    const lines = folded.split("\r\n");
    expect(lines.length).toBe(3);
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(octets(lines[0]!)).toBe(74); // 12 + 31 × 2: one more "æ" would be 76
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(long);
  });

  it("renders a feed with CRLF lines, DTSTAMP from the given now, and one VEVENT per event", () => {
    const text = renderCalendar({
      productId: "-//Helpdesk//Vaktliste//NB",
      name: "Vakt, Vilde",
      now: new Date("2026-12-01T10:00:00Z"),
      events: [
        { uid: "s1@helpdesk", startsAt: new Date("2026-12-07T15:00:00Z"), endsAt: new Date("2026-12-07T21:00:00Z"), summary: "Primærvakt", description: "Uke A; ring 22 22 22 22" },
        { uid: "s2@helpdesk", startsAt: new Date("2026-12-12T08:00:00Z"), endsAt: new Date("2026-12-12T21:00:00Z"), summary: "Reserve" },
      ],
    });
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
    const lines = text.split("\r\n");
    expect(lines.slice(0, 6)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Helpdesk//Vaktliste//NB", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Vakt\\, Vilde"]);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
    expect(lines.filter((l) => l === "DTSTAMP:20261201T100000Z")).toHaveLength(2);
    expect(lines).toContain("DTSTART:20261207T150000Z");
    expect(lines).toContain("DTEND:20261212T210000Z");
    expect(lines).toContain("DESCRIPTION:Uke A\\; ring 22 22 22 22");
    expect(lines).toContain("UID:s2@helpdesk");
  });

  it("renders an empty calendar when there are no shifts", () => {
    const text = renderCalendar({ productId: "-//x//y//EN", name: "On call", now: new Date("2026-12-01T10:00:00Z"), events: [] });
    expect(text).not.toContain("BEGIN:VEVENT");
    expect(text.split("\r\n").at(-2)).toBe("END:VCALENDAR");
  });
});
