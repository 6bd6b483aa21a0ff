import { describe, expect, it } from "vitest";
import { AGREEMENT_PRESETS, CALENDAR_PRESETS } from "../../sla/presets";
import { CreditSchemeSchema, eventDataSchema, parseStored, StoredDataError, WeeklyHoursSchema } from "./json-schemas";

describe("the stored-data schemas", () => {
  it("take every agreement's credit scheme and every calendar's weekly hours the seed stores", () => {
    const versions = AGREEMENT_PRESETS.flatMap((a) => a.versions);
    expect(versions.length).toBeGreaterThan(5);
    for (const v of versions) expect(parseStored(CreditSchemeSchema, JSON.parse(JSON.stringify(v.credit)), v.id)).toEqual(v.credit);
    for (const c of CALENDAR_PRESETS) expect(parseStored(WeeklyHoursSchema, JSON.parse(JSON.stringify(c.spec.weekly)), c.key)).toEqual(c.spec.weekly);
  });

  it("refuse what does not fit, naming the column, the row and the field", () => {
    expect(() => parseStored(CreditSchemeSchema, { kind: "netpower", perBreachPercent: "5" }, "AgreementVersion.creditScheme of version v1")).toThrow(StoredDataError);
    expect(() => parseStored(WeeklyHoursSchema, { mon: [["8:00", "16:00"]] }, "Calendar.weekly")).toThrow(/^Calendar\.weekly does not have the stored shape: mon\.0\.0: HH:MM/);
    expect(() => parseStored(eventDataSchema("PAUSED"), {}, "TicketEvent.data")).toThrow(/reason/);
  });

  it("check a clock event's fields and let other events carry any object", () => {
    expect(eventDataSchema("PRIORITY_CHANGED").safeParse({ from: "P3", to: "P1", reason: "x" }).success).toBe(true);
    expect(eventDataSchema("PRIORITY_CHANGED").safeParse({ to: "P9" }).success).toBe(false);
    expect(eventDataSchema("PUBLIC_REPLY").safeParse({ anything: [1, 2] }).success).toBe(true);
    expect(eventDataSchema("PUBLIC_REPLY").safeParse([1, 2]).success).toBe(false);
  });
});
