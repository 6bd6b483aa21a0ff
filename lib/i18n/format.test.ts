import { describe, expect, it } from "vitest";
import { formatBusinessDuration, formatDate, formatDateTime, formatDay, formatDuration, formatRelative, formatTime, formatWhen } from "./format";

// Friday 21 November 2025, 14:05 in Oslo (CET, UTC+1).
const now = new Date("2025-11-21T13:05:00Z");

describe("dates and times in Europe/Oslo", () => {
  it("shows today, yesterday and tomorrow with the time", () => {
    expect(formatDateTime("2025-11-21T13:05:00Z", now, "nb")).toBe("i dag 14:05");
    expect(formatDateTime("2025-11-21T13:05:00Z", now, "en")).toBe("today 14:05");
    expect(formatDateTime("2025-11-20T08:10:00Z", now, "nb")).toBe("i går 09:10");
    expect(formatDateTime("2025-11-22T07:00:00Z", now, "en")).toBe("tomorrow 08:00");
  });

  it("uses the Oslo date, not UTC's, around midnight", () => {
    // 23:30 UTC on the 21st is 00:30 on Saturday the 22nd in Oslo.
    expect(formatDay("2025-11-21T23:30:00Z", now, "nb")).toBe("i morgen");
    expect(formatTime("2025-11-21T23:30:00Z")).toBe("00:30");
  });

  it("follows daylight saving time", () => {
    expect(formatTime("2025-07-01T12:00:00Z")).toBe("14:00");
    expect(formatTime("2025-01-01T12:00:00Z")).toBe("13:00");
  });

  it("writes other days as weekday, day and month, with the year when it is not this year", () => {
    expect(formatDate("2025-11-21T10:00:00Z", now, "nb")).toBe("fre. 21. nov.");
    expect(formatDate("2025-11-21T10:00:00Z", now, "en")).toBe("Fri 21 Nov");
    expect(formatDate("2024-05-17T10:00:00Z", now, "nb")).toBe("fre. 17. mai 2024");
    expect(formatWhen("2025-11-17T10:00:00Z", now, "nb")).toBe("man. 17. nov.");
    expect(formatWhen("2025-11-20T08:10:00Z", now, "nb")).toBe("i går 09:10");
  });
});

describe("durations", () => {
  it("writes hours and minutes", () => {
    expect(formatDuration(135, "nb")).toBe("2 t 15 min");
    expect(formatDuration(135, "en")).toBe("2 h 15 min");
    expect(formatDuration(45, "nb")).toBe("45 min");
    expect(formatDuration(180, "nb")).toBe("3 t");
    expect(formatDuration(-5, "nb")).toBe("0 min");
  });

  it("marks business time", () => {
    expect(formatBusinessDuration(90, "nb")).toBe("1 t 30 min arbeidstid");
    expect(formatBusinessDuration(480, "en")).toBe("8 h business time");
  });

  it("says how far away an instant is", () => {
    expect(formatRelative("2025-11-21T15:20:00Z", now, "nb")).toBe("om 2 t 15 min");
    expect(formatRelative("2025-11-21T13:00:00Z", now, "nb")).toBe("for 5 min siden");
    expect(formatRelative("2025-11-21T13:00:00Z", now, "en")).toBe("5 min ago");
    expect(formatRelative(now, now, "en")).toBe("now");
  });
});
