import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretDecryptionError, SecretsKeyError, decryptSecret, encryptSecret, parseSecretsKey, secretsKeyFromEnv } from "./crypto";

const key = randomBytes(32).toString("base64");

describe("secrets at rest (AES-256-GCM)", () => {
  it("round-trips text, including non-ASCII and the empty string", () => {
    for (const plain of ["smtp-passord-æøå", "", "x".repeat(5000)]) expect(decryptSecret(encryptSecret(plain, key), key)).toBe(plain);
  });

  it("uses a random IV: the same secret encrypts differently each time", () => {
    const a = encryptSecret("same", key);
    const b = encryptSecret("same", key);
    expect(a).not.toBe(b);
    expect(a.split(":")[1]).not.toBe(b.split(":")[1]);
  });

  it("writes the versioned format v1:<iv>:<tag>:<ciphertext> in base64url and never the plain text", () => {
    const stored = encryptSecret("hemmelig", key);
    expect(stored).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain("hemmelig");
  });

  it("refuses a wrong key and an altered ciphertext", () => {
    const stored = encryptSecret("hemmelig", key);
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow(SecretDecryptionError);
    const [v, iv, tag, data] = stored.split(":") as [string, string, string, string];
    const flipped = (data[0] === "A" ? "B" : "A") + data.slice(1);
    expect(() => decryptSecret([v, iv, tag, flipped].join(":"), key)).toThrow(/SECRETS_KEY is not the key/);
    expect(() => decryptSecret("v2:a:b:c", key)).toThrow(/v1 format/);
  });

  it("names SECRETS_KEY when it is missing or not 32 bytes", () => {
    expect(() => secretsKeyFromEnv({})).toThrow(SecretsKeyError);
    expect(() => secretsKeyFromEnv({})).toThrow(/SECRETS_KEY is not set/);
    expect(() => secretsKeyFromEnv({ SECRETS_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/SECRETS_KEY must be 32 bytes.*got 16/);
    expect(() => encryptSecret("x", "short")).toThrow(/SECRETS_KEY/);
    expect(parseSecretsKey(key)).toHaveLength(32);
  });
});
