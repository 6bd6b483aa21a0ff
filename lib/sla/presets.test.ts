import { describe, expect, it } from "vitest";
import { selectAgreementVersion, validateAgreementVersion, type AgreementVersionSpec } from "./agreement";
import { compileCalendar } from "./calendar";
import { AGREEMENT_PRESETS, CALENDAR_PRESETS, NETPOWER_ORDINARY, PURESERVICE } from "./presets";
import { at } from "./test-helpers";

describe("presets", () => {
  it("every calendar compiles and every version validates; keys are unique", () => {
    for (const c of CALENDAR_PRESETS) expect(compileCalendar(c.spec).timeZone).toBe("Europe/Oslo");
    for (const a of AGREEMENT_PRESETS) for (const v of a.versions) expect(() => validateAgreementVersion(v)).not.toThrow();
    const keys = [...CALENDAR_PRESETS, ...AGREEMENT_PRESETS].map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(AGREEMENT_PRESETS.map((a) => a.key)).toEqual([
      "netpower-ordinary",
      "netpower-extended",
      "pureservice",
      "nettsoft-ms365-bedrift",
      "nettsoft-ms365-bruker",
      "nettsoft-servers-vps",
      "nettsoft-teams",
      "nettsoft-mobile",
      "sodvin-azure",
    ]);
    expect(AGREEMENT_PRESETS.map((a) => a.versions.map((v) => v.targets.P1?.minutes))).toEqual([[60], [30], [240, 120], [120], [240], [60], [240], [60], [60]]);
  });
  it("Pureservice moved from 4 h to 2 h on 02.10.2023 (004 change log, version 2.2)", () => {
    expect(selectAgreementVersion(PURESERVICE.versions, at("2023-09-29T10:00:00Z")).targets.P2?.minutes).toBe(240);
    expect(selectAgreementVersion(PURESERVICE.versions, at("2023-10-02T10:00:00Z")).targets.P2?.minutes).toBe(120);
  });
});

describe("agreement versions", () => {
  const v = NETPOWER_ORDINARY.versions[0]!;
  it("no version in force is a clear error", () => {
    expect(() => selectAgreementVersion([{ ...v, validFrom: "2030-01-01T00:00:00Z" }], at("2026-01-01T00:00:00Z"))).toThrow(/registeredAt: no agreement version is in force/);
    expect(() => selectAgreementVersion([], at("2026-01-01T00:00:00Z"))).toThrow(/versions: expected at least one/);
    expect(() => selectAgreementVersion([v, { ...v, id: "copy" }], at("2026-01-01T00:00:00Z"))).toThrow(/two versions are valid from/);
  });
  it("bad versions are rejected with the field named", () => {
    const bad = (over: Partial<AgreementVersionSpec>) => () => validateAgreementVersion({ ...v, ...over });
    expect(bad({ warningThresholds: [0.5, 1.2] })).toThrow(/version.warningThresholds/);
    expect(bad({ targets: { P1: { minutes: 0, calendar: v.targets.P1!.calendar } } })).toThrow(/version.targets.P1.minutes/);
    expect(bad({ targets: { P1: { minutes: 60, calendar: { ...v.targets.P1!.calendar, timeZone: "Oslo" } } } })).toThrow(/version.targets.P1.calendar.timeZone: unknown time zone "Oslo"/);
    expect(bad({ validFrom: "yesterday" })).toThrow(/version.validFrom/);
  });
});
