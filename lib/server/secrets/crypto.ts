import "server-only";
/**
 * Secrets at rest (SLA-RULES.md §5): AES-256-GCM with a random 96-bit IV per encryption and a
 * versioned text format, `v1:<iv>:<tag>:<ciphertext>` (each part base64url), so the key or the
 * algorithm can change later without guessing what a stored value is.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export class SecretsKeyError extends Error {
  override name = "SecretsKeyError";
}

export class SecretDecryptionError extends Error {
  override name = "SecretDecryptionError";
}

/** The key as bytes: a Buffer as is, a string as base64 (the SECRETS_KEY format). */
export function parseSecretsKey(key: Buffer | string | undefined): Buffer {
  if (key === undefined || key === "") {
    throw new SecretsKeyError("SECRETS_KEY is not set: set it to 32 random bytes, base64-encoded (openssl rand -base64 32)");
  }
  const bytes = typeof key === "string" ? Buffer.from(key, "base64") : key;
  if (bytes.length !== KEY_BYTES) {
    throw new SecretsKeyError(`SECRETS_KEY must be ${KEY_BYTES} bytes, base64-encoded (openssl rand -base64 32); got ${bytes.length} bytes`);
  }
  return bytes;
}

/** The key from the environment (SECRETS_KEY), with an error naming it when missing or malformed. */
export function secretsKeyFromEnv(source: Record<string, string | undefined> = process.env): Buffer {
  return parseSecretsKey(source.SECRETS_KEY);
}

export function encryptSecret(plain: string, key: Buffer | string): string {
  const keyBytes = parseSecretsKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyBytes, iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(":");
}

export function decryptSecret(stored: string, key: Buffer | string): string {
  const keyBytes = parseSecretsKey(key);
  const parts = stored.split(":");
  if (parts.length !== 4 || parts[0] !== VERSION) {
    throw new SecretDecryptionError(`not an encrypted secret in the ${VERSION} format (${VERSION}:<iv>:<tag>:<ciphertext>)`);
  }
  const [, ivText, tagText, cipherText] = parts as [string, string, string, string];
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretDecryptionError("malformed encrypted secret (IV or tag length)");
  try {
    const decipher = createDecipheriv(ALGORITHM, keyBytes, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(cipherText, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError("cannot decrypt the secret: SECRETS_KEY is not the key it was encrypted with, or the value was altered");
  }
}
