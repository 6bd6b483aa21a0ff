import { describe, expect, it } from "vitest";
import { expandMaintenanceWindows } from "./maintenance";
import { NETPOWER_MAINTENANCE, NETTSOFT_MAINTENANCE, SODVIN_MAINTENANCE } from "./presets";
import { at } from "./test-helpers";

const isoPairs = (ws: Array<{ from: Date; to: Date }>) => ws.map((w) => [w.from.toISOString(), w.to.toISOString()]);
// September 2026 in Oslo (UTC+2): 2026-08-31T22:00Z … 2026-09-30T22:00Z
const september = { from: at("2026-08-31T22:00:00Z"), to: at("2026-09-30T22:00:00Z") };

describe("expandMaintenanceWindows", () => {
  it("Netpower Wednesday 23:59–05:59 crosses midnight; the last one is clipped to the period", () => {
    expect(isoPairs(expandMaintenanceWindows(NETPOWER_MAINTENANCE, september))).toEqual([
      ["2026-09-02T21:59:00.000Z", "2026-09-03T03:59:00.000Z"],
      ["2026-09-09T21:59:00.000Z", "2026-09-10T03:59:00.000Z"],
      ["2026-09-16T21:59:00.000Z", "2026-09-17T03:59:00.000Z"],
      ["2026-09-23T21:59:00.000Z", "2026-09-24T03:59:00.000Z"],
      ["2026-09-30T21:59:00.000Z", "2026-09-30T22:00:00.000Z"],
    ]);
  });
  it("a window that started in the previous period is included from the period start", () => {
    const r = expandMaintenanceWindows(NETPOWER_MAINTENANCE, { from: at("2026-09-03T00:00:00Z"), to: at("2026-09-04T00:00:00Z") });
    expect(isoPairs(r)).toEqual([["2026-09-03T00:00:00.000Z", "2026-09-03T03:59:00.000Z"]]);
  });
  it("Nettsoft daily 01:00–06:00 is 6 hours on the fall-back night and 4 on the spring-forward night", () => {
    expect(isoPairs(expandMaintenanceWindows(NETTSOFT_MAINTENANCE, { from: at("2026-10-24T12:00:00Z"), to: at("2026-10-25T12:00:00Z") }))).toEqual([
      ["2026-10-24T23:00:00.000Z", "2026-10-25T05:00:00.000Z"],
    ]);
    expect(isoPairs(expandMaintenanceWindows(NETTSOFT_MAINTENANCE, { from: at("2026-03-28T12:00:00Z"), to: at("2026-03-29T12:00:00Z") }))).toEqual([
      ["2026-03-29T00:00:00.000Z", "2026-03-29T04:00:00.000Z"],
    ]);
    expect(expandMaintenanceWindows(NETTSOFT_MAINTENANCE, september)).toHaveLength(30);
  });
  it("Sodvin: the night to the third Tuesday, 00:00–06:00", () => {
    expect(isoPairs(expandMaintenanceWindows(SODVIN_MAINTENANCE, september))).toEqual([["2026-09-14T22:00:00.000Z", "2026-09-15T04:00:00.000Z"]]);
    const year = expandMaintenanceWindows(SODVIN_MAINTENANCE, { from: at("2025-12-31T23:00:00Z"), to: at("2026-12-31T23:00:00Z") });
    expect(year.map((w) => w.to.toISOString().slice(0, 10))).toEqual([
      "2026-01-20",
      "2026-02-17",
      "2026-03-17",
      "2026-04-21",
      "2026-05-19",
      "2026-06-16",
      "2026-07-21",
      "2026-08-18",
      "2026-09-15",
      "2026-10-20",
      "2026-11-17",
      "2026-12-15",
    ]);
  });
  it("rejects bad rules", () => {
    expect(() => expandMaintenanceWindows({ ...NETTSOFT_MAINTENANCE, start: "1:00" }, september)).toThrow(/rule.start/);
    expect(() => expandMaintenanceWindows({ ...NETTSOFT_MAINTENANCE, timeZone: "Mars/Olympus" }, september)).toThrow(/unknown time zone/);
  });
});
