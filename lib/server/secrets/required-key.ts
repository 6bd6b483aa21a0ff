import "server-only";
/**
 * The key a use case needs to store a secret (SECRETS_KEY, or the one it was given): without it
 * the change is refused with a 422 that names what could not be stored (webhook signing secrets,
 * an organisation's OIDC client secret), rather than failing deep inside the encryption.
 */
import { unprocessable } from "../errors";
import { parseSecretsKey, secretsKeyFromEnv, SecretsKeyError } from "./crypto";

export function requiredSecretsKey(what: string, key?: Buffer | string): Buffer {
  try {
    return key === undefined ? secretsKeyFromEnv() : parseSecretsKey(key);
  } catch (error) {
    if (error instanceof SecretsKeyError) throw unprocessable(`SECRETS_KEY is not set: ${what} cannot be stored`, { _: ["SECRETS_KEY is not set"] });
    throw error;
  }
}
