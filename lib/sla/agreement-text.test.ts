import { describe, expect, it } from "vitest";
import { formatMaintenanceRules, formatUptimeTiers, parseMaintenanceRules, parseUptimeTiers } from "./agreement-text";
import { NETPOWER_MAINTENANCE, NETTSOFT_CREDIT, NETTSOFT_MAINTENANCE, PURESERVICE_CREDIT, SODVIN_MAINTENANCE } from "./presets";

describe("maintenance windows and uptime tiers as text", () => {
  it("the presets' windows round-trip", () => {
    const rules = [NETPOWER_MAINTENANCE, NETTSOFT_MAINTENANCE, SODVIN_MAINTENANCE];
    const text = formatMaintenanceRules(rules);
    expect(text).toBe("weekly wed 23:59-05:59 announced\ndaily 01:00-06:00\nmonthly 3 tue 00:00-06:00");
    expect(parseMaintenanceRules(text, "Europe/Oslo")).toEqual(rules);
  });
  it("a line that is not a window names the line", () => {
    expect(() => parseMaintenanceRules("daily 01:00-06:00\nevery full moon", "Europe/Oslo")).toThrow(/maintenance\[1\]: "every full moon" is not a window/);
  });
  it("the presets' tiers round-trip (Nettsoft's 95–96 % gap stays a gap)", () => {
    for (const scheme of [PURESERVICE_CREDIT, NETTSOFT_CREDIT]) expect(parseUptimeTiers(formatUptimeTiers(scheme.tiers))).toEqual(scheme.tiers);
    expect(formatUptimeTiers(PURESERVICE_CREDIT.tiers)).toBe("99.5-100: 0\n99-99.5: 25\n95-99: 50\n0-95: 100");
    expect(() => parseUptimeTiers("99 %: 25")).toThrow(/tiers\[0\]/);
  });
});
