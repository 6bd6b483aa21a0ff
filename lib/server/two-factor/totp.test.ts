import { describe, expect, it } from "vitest";
import { newTotpSecret, totpCodeAt, totpMatchedStep, totpUri } from "./totp";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "./recovery-codes";

// RFC 6238 appendix B, SHA-1: the ASCII secret "12345678901234567890", in base32; the last 6 of its 8-digit codes.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP through otplib", () => {
  it("gives the RFC 6238 codes at the RFC's instants", async () => {
    expect(await totpCodeAt(RFC_SECRET, new Date(59_000))).toBe("287082");
    expect(await totpCodeAt(RFC_SECRET, new Date(1_111_111_109_000))).toBe("081804");
    expect(await totpCodeAt(RFC_SECRET, new Date(2_000_000_000_000))).toBe("279037");
  });

  it("accepts one step either side, not two, and nothing that is not six digits", async () => {
    const now = new Date("2026-12-01T09:00:10Z");
    const at = (s: number) => totpCodeAt(RFC_SECRET, new Date(now.getTime() + s * 1000));
    const totpMatches = async (secret: string, code: string, when: Date) => (await totpMatchedStep(secret, code, when, null)) !== null;
    expect(await totpMatches(RFC_SECRET, await at(0), now)).toBe(true);
    expect(await totpMatches(RFC_SECRET, ` ${await at(-30)} `, now)).toBe(true);
    expect(await totpMatches(RFC_SECRET, await at(30), now)).toBe(true);
    expect(await totpMatches(RFC_SECRET, await at(-70), now)).toBe(false);
    expect(await totpMatches(RFC_SECRET, await at(70), now)).toBe(false);
    expect(await totpMatches(RFC_SECRET, "12345", now)).toBe(false);
    expect(await totpMatches(RFC_SECRET, "abcdef", now)).toBe(false);
  });

  it("makes 160-bit base32 secrets and an otpauth:// URI an authenticator app reads", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(secret, "lise@servicedesk.example")).toBe(`otpauth://totp/Helpdesk:lise%40servicedesk.example?secret=${secret}&issuer=Helpdesk`);
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes, hashed the same however they are typed, and never look like a TOTP code", () => {
    const { codes, hashes } = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const first = codes[0]!;
    expect(hashRecoveryCode(first.toUpperCase().replace("-", " "))).toBe(hashes[0]);
    expect(looksLikeRecoveryCode(first)).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});
