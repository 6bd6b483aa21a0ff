import { describe, expect, it } from "vitest";
import { catalog } from "./catalog";
import { interpolate, t } from "./t";
import { areas } from "./messages";

describe("t", () => {
  it("looks up a key in the locale's catalogue", () => {
    expect(t("nb", "common.nav.myTickets")).toBe("Mine saker");
    expect(t("en", "common.nav.myTickets")).toBe("My tickets");
  });

  it("fills {name} placeholders and leaves unknown ones", () => {
    expect(t("nb", "common.clock.running", { when: "i dag 15:30" })).toBe("Feilsøking startes senest i dag 15:30");
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });

  it("has the same keys in English as in Norwegian in every area", () => {
    for (const area of Object.values(areas)) expect(Object.keys(area.en).sort()).toEqual(Object.keys(area.nb).sort());
  });

  // The refusals are checked by `npm run typecheck` (tsc): if a catalogue with a missing or extra
  // key type-checked, the @ts-expect-error lines would themselves be errors. At run time the
  // catalogue is its two sides, unchanged.
  it("refuses an English catalogue with a missing or extra key at compile time, and keeps both sides as given", () => {
    // @ts-expect-error: "b" is missing in en
    const missing = catalog({ nb: { a: "x", b: "y" }, en: { a: "x" } });
    // @ts-expect-error: "c" is not in nb
    catalog({ nb: { a: "x" }, en: { a: "x", c: "z" } });
    expect(missing).toEqual({ nb: { a: "x", b: "y" }, en: { a: "x" } });
    expect(catalog({ nb: { a: "hei" }, en: { a: "hello" } })).toEqual({ nb: { a: "hei" }, en: { a: "hello" } });
  });
});
