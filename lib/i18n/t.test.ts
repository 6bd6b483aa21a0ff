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
  // key type-checked, the @ts-expect-error lines would themselves be errors.
  it("refuses an English catalogue with a missing or extra key at compile time", () => {
    // @ts-expect-error: "b" is missing in en
    catalog({ nb: { a: "x", b: "y" }, en: { a: "x" } });
    // @ts-expect-error: "c" is not in nb
    catalog({ nb: { a: "x" }, en: { a: "x", c: "z" } });
    expect(Object.keys(areas).length).toBeGreaterThanOrEqual(8);
  });

  const entries = Object.entries(areas).flatMap(([area, c]) =>
    Object.keys(c.nb).map((key) => ({ key: `${area}.${key}`, nb: (c.nb as Record<string, string>)[key]!, en: (c.en as Record<string, string | undefined>)[key] })),
  );
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it("has every message in both languages, non-empty, with the same placeholders", () => {
    for (const e of entries) {
      expect(e.nb.trim(), e.key).not.toBe("");
      expect(e.en?.trim(), e.key).toBeTruthy();
      expect(placeholders(e.en ?? ""), e.key).toEqual(placeholders(e.nb));
    }
  });

  it("has no Norwegian letters in the English messages (the name of the language itself excepted)", () => {
    const norwegian = entries.filter((e) => e.key !== "auth.language.nb" && /[æøåÆØÅ]/.test(e.en ?? "")).map((e) => `${e.key}: ${e.en}`);
    expect(norwegian).toEqual([]);
  });
});
