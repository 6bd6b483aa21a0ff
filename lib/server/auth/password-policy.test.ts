import { describe, expect, it } from "vitest";
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("takes 12 to 128 characters, counted as characters, not bytes", () => {
    expect(passwordProblem("x".repeat(PASSWORD_MIN - 1))).toBe("tooShort");
    expect(passwordProblem("Fjord-kyst-1")).toBeNull(); // exactly 12
    expect(passwordProblem("æøåÆØÅæøåÆØ")).toBe("tooShort"); // 11 characters, 22 bytes
    expect(passwordProblem("æøåÆØÅæøåÆØÅ")).toBeNull();
    expect(passwordProblem("z".repeat(PASSWORD_MAX - 3) + "Kx9")).toBeNull();
    expect(passwordProblem("z".repeat(PASSWORD_MAX) + "!")).toBe("tooLong");
  });

  it("refuses breached and common passwords from the shipped list, whatever the case", () => {
    expect(passwordProblem("qazwsxedcrfv")).toBe("common");
    expect(passwordProblem("1qaz2wsx3edc")).toBe("common");
    expect(passwordProblem("QWERTY123456")).toBe("common");
  });

  it("refuses a common word padded with digits and symbols", () => {
    expect(passwordProblem("password2026!")).toBe("common");
    expect(passwordProblem("!!1234dragon5678")).toBe("common");
  });

  it("refuses the person's own address or name", () => {
    expect(passwordProblem("kari.nordmann@example.no", { email: "kari.nordmann@example.no" })).toBe("personal");
    expect(passwordProblem("karinordmann2026", { email: "karinordmann@example.no" })).toBe("personal");
    expect(passwordProblem("KariNordmann!!", { name: "Kari Nordmann" })).toBe("personal");
  });

  it("accepts a long passphrase and the demo password", () => {
    expect(passwordProblem("Demo-passord-2026")).toBeNull();
    expect(passwordProblem("korrekt hest batteri stift")).toBeNull();
  });
});
