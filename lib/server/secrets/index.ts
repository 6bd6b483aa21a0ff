import "server-only";
export { SecretDecryptionError, SecretsKeyError, decryptSecret, encryptSecret, parseSecretsKey, secretsKeyFromEnv } from "./crypto";
export { requiredSecretsKey } from "./required-key";
