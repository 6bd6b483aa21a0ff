import { describe, expect, it } from "vitest";
import { InstantSchema, isSafeText, safeString } from "./validation";

describe("text every reader can store and show", () => {
  it("refuses NUL and unpaired surrogates, accepts everything else, emoji (paired surrogates) included", () => {
    expect(isSafeText("Skriveren på 3. etasje 🖨️")).toBe(true);
    expect(isSafeText("a\u0000b")).toBe(false);
    expect(isSafeText("a\ud800b")).toBe(false);
    expect(isSafeText("a\udc00b")).toBe(false);
    expect(isSafeText("\ud83d")).toBe(false);
    expect(safeString("common.fieldInvalidCharacters").safeParse("x\u0000").error?.issues[0]?.message).toBe("common.fieldInvalidCharacters");
  });

  it("takes instants between 1970 and 9999 only", () => {
    expect(InstantSchema.safeParse("2026-11-30T12:00:00Z").success).toBe(true);
    expect(InstantSchema.safeParse("0000-01-01T00:00:00Z").success).toBe(false);
    expect(InstantSchema.safeParse("1969-12-31T23:59:59Z").success).toBe(false);
  });
});
