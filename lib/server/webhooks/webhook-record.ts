import "server-only";
/**
 * What the webhook use cases share: the audited description of an endpoint (its host, never the
 * full address, which may carry a token, and never the secret: only that it changed), the owner
 * check, and the secrets key.
 */
import { randomBytes } from "node:crypto";
import { unprocessable } from "../errors";
import type { DbClient } from "../db/prisma";
import { requiredSecretsKey } from "../secrets";

export const hostOf = (url: string): string => new URL(url).host;

export function webhookAudit(w: { name: string; url: string; organizationId: string | null; templates: string[]; active: boolean }) {
  return { name: w.name, host: hostOf(w.url), organizationId: w.organizationId, templates: [...w.templates].sort(), active: w.active };
}

export async function checkOwner(tx: DbClient, organizationId: string | null): Promise<void> {
  if (!organizationId) return;
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { isProvider: true } });
  if (!org || org.isProvider) throw unprocessable("No such customer organisation", { organizationId: ["unknown organisation"] });
}

/** The key that encrypts signing secrets (SECRETS_KEY); without it no endpoint can be stored. */
export const webhookSecretsKey = (key?: Buffer | string): Buffer => requiredSecretsKey("webhook secrets", key);

export const generateWebhookSecret = (): string => `whsec_${randomBytes(24).toString("base64url")}`;
