import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { ARGON2_OPTIONS, dummyHash, hashPassword, verifyPassword } from "./password-hash";

describe("password hashes", () => {
  it("hashes with argon2id at OWASP's parameters, salted, and verifies", async () => {
    const a = await hashPassword("korrekt hest batteri stift");
    const b = await hashPassword("korrekt hest batteri stift");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "korrekt hest batteri stift")).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword(a, "korrekt hest batteri stifT")).toEqual({ ok: false, needsRehash: false });
  });

  it("still verifies an old bcrypt hash, and asks for a rehash when it matches", async () => {
    const old = await bcrypt.hash("Demo-passord-2026", 4);
    expect(await verifyPassword(old, "Demo-passord-2026")).toEqual({ ok: true, needsRehash: true });
    expect((await verifyPassword(old, "wrong")).ok).toBe(false);
  });

  it("asks for a rehash of a weaker argon2 hash", async () => {
    const { hash } = await import("@node-rs/argon2");
    const weak = await hash("Demo-passord-2026", { ...ARGON2_OPTIONS, memoryCost: 4096, timeCost: 1 });
    expect(weak).toMatch(/^\$argon2id\$v=19\$m=4096,t=1,p=1\$/);
    expect(await verifyPassword(weak, "Demo-passord-2026")).toEqual({ ok: true, needsRehash: true });
  });

  it("never matches an unreadable hash or the dummy", async () => {
    expect(await verifyPassword("not a hash", "x")).toEqual({ ok: false, needsRehash: false });
    expect((await verifyPassword(await dummyHash(), "")).ok).toBe(false);
    expect(await dummyHash()).toMatch(/^\$argon2id\$/);
  });
});
