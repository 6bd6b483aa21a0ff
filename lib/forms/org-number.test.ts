import { describe, expect, it } from "vitest";
import { isValidOrgNumber, normalizeOrgNumber } from "./org-number";

describe("isValidOrgNumber", () => {
  it("accepts real organisation numbers, with or without spaces", () => {
    expect(isValidOrgNumber("923609016")).toBe(true); // Equinor ASA
    expect(isValidOrgNumber("974760673")).toBe(true); // Brønnøysundregistrene
    expect(isValidOrgNumber("923 609 016")).toBe(true);
  });

  it("refuses a wrong check digit", () => {
    expect(isValidOrgNumber("923609017")).toBe(false);
    expect(isValidOrgNumber("974760670")).toBe(false);
  });

  it("accepts check digit 0 when the remainder is 0", () => {
    // 1·3 + 1·2 + 0·7 + 0·6 + 0·5 + 0·4 + 2·3 + 0·2 = 11 → remainder 0 → check digit 0
    expect(isValidOrgNumber("110000200")).toBe(true);
    expect(isValidOrgNumber("110000201")).toBe(false);
  });

  it("refuses a number that would need check digit 10", () => {
    // 4·3 = 12 ≡ 1 (mod 11): the check digit would be 10, so no last digit makes it valid
    for (let d = 0; d <= 9; d++) expect(isValidOrgNumber(`40000000${d}`)).toBe(false);
  });

  it("refuses anything but nine digits", () => {
    for (const text of ["", "92360901", "9236090160", "92360901a", "923-609-016", "９２３６０９０１６"]) expect(isValidOrgNumber(text)).toBe(false);
  });

  it("normalises spaces only", () => {
    expect(normalizeOrgNumber(" 923 609\u00a0016 ")).toBe("923609016");
  });
});
