export { SecretDecryptionError, SecretsKeyError, decryptSecret, encryptSecret, parseSecretsKey, secretsKeyFromEnv } from "./crypto";
