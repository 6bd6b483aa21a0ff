import { describe, expect, it } from "vitest";
import { feeOre, feeText, splitDomains, wholeNumber } from "./organization-form-values";

describe("the organisation form's values", () => {
  it("reads a fee in kroner as people write it, to øre", () => {
    expect(feeOre("25 000")).toBe(25_000_00);
    expect(feeOre("25\u00a0000,50")).toBe(25_000_50);
    expect(feeOre("1250.5 kr")).toBe(1_250_50);
    expect(feeOre("")).toBeNull();
    for (const bad of ["-5", "12,345", "tjue", "1e5"]) expect(feeOre(bad)).toBeUndefined();
  });

  it("writes øre back as the form shows it", () => {
    expect(feeText(25_000_00)).toBe("25000");
    expect(feeText(25_000_50)).toBe("25000,50");
    expect(feeText(null)).toBe("");
  });

  it("reads whole numbers and domain lists", () => {
    expect(wholeNumber(" 72 ")).toBe(72);
    expect(wholeNumber("")).toBeNull();
    expect(wholeNumber("3.5")).toBeUndefined();
    expect(splitDomains(" a.no, b.com;c.se\nd.dk ")).toEqual(["a.no", "b.com", "c.se", "d.dk"]);
  });
});
