import { describe, expect, it } from "vitest";
import { calendarFor } from "./calendar";
import { expandMaintenanceWindows } from "./maintenance";
import { NETPOWER_MAINTENANCE, NETTSOFT_CORE_TIME, NETTSOFT_MAINTENANCE } from "./presets";
import { computeUptime } from "./uptime";
import { at } from "./test-helpers";

const september = { from: at("2026-08-31T22:00:00Z"), to: at("2026-09-30T22:00:00Z") };

describe("computeUptime", () => {
  it("all the time: overlapping downtime counted once, exceptions and maintenance windows not counted", () => {
    const r = computeUptime({
      period: september,
      downtime: [
        { from: at("2026-09-09T08:00:00Z"), to: at("2026-09-09T09:00:00Z") }, // 10:00–11:00 local
        { from: at("2026-09-09T08:30:00Z"), to: at("2026-09-09T09:30:00Z") }, // overlaps: union 90 min
        { from: at("2026-09-10T08:00:00Z"), to: at("2026-09-10T12:00:00Z"), counts: false }, // customer-caused
        { from: at("2026-09-03T03:00:00Z"), to: at("2026-09-03T04:30:00Z") }, // 05:00–06:30 local: 31 min after the window
      ],
      maintenance: expandMaintenanceWindows(NETPOWER_MAINTENANCE, september),
    });
    expect(r.totalMinutes).toBe(30 * 1440);
    expect(r.downtimeMinutes).toBe(121);
    expect(r.percent).toBe(((43200 - 121) / 43200) * 100);
  });
  it("Nettsoft core time: only downtime inside core time counts", () => {
    const r = computeUptime({
      period: september,
      coverage: calendarFor(NETTSOFT_CORE_TIME.spec),
      downtime: [
        { from: at("2026-09-05T15:00:00Z"), to: at("2026-09-05T17:00:00Z") }, // Saturday 17:00–19:00: 60 min in core
        { from: at("2026-09-08T00:00:00Z"), to: at("2026-09-08T01:00:00Z") }, // 02:00–03:00: maintenance, outside core
      ],
      maintenance: expandMaintenanceWindows(NETTSOFT_MAINTENANCE, september),
      maintenanceReducesTotal: true,
    });
    expect(r.totalMinutes).toBe(22 * 14 * 60 + 4 * 9 * 60); // 22 weekdays, 4 Saturdays
    expect(r.downtimeMinutes).toBe(60);
    expect(r.percent).toBe(((20640 - 60) / 20640) * 100);
  });
  it("an empty period is 100 %", () => {
    expect(computeUptime({ period: { from: at("2026-09-01T00:00:00Z"), to: at("2026-09-01T00:00:00Z") }, downtime: [], maintenance: [] }).percent).toBe(100);
  });
  it("rejects intervals that end before they start", () => {
    expect(() => computeUptime({ period: september, downtime: [{ from: at("2026-09-02T00:00:00Z"), to: at("2026-09-01T00:00:00Z") }], maintenance: [] })).toThrow(/downtime\[0\]\.to: is before from/);
  });
});
