import "server-only";
/** Inputs of managing webhook endpoints (issue 15): Teams, Slack, an SMS gateway. */
import { z } from "zod";
import { safeString } from "../validation";
import { TEMPLATE_NAMES } from "../notifications/templates";

export const WEBHOOK_TEMPLATES = TEMPLATE_NAMES;

const url = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => {
    try {
      const parsed = new URL(u);
      return (parsed.protocol === "https:" || parsed.protocol === "http:") && !parsed.username && !parsed.password;
    } catch {
      return false;
    }
  }, "an http(s) address such as https://example.webhook.office.com/…");

const fields = {
  name: safeString().trim().min(1).max(100),
  url,
  /** null = the provider's own endpoint (e.g. the on-call SMS gateway). */
  organizationId: z.uuid().nullable(),
  /** Templates it receives; empty = all. */
  templates: z.array(z.enum(WEBHOOK_TEMPLATES as [string, ...string[]])).max(50),
};

export const CreateWebhookSchema = z.object({
  ...fields,
  /** The signing secret; empty = one is generated and shown once. */
  secret: safeString().trim().max(200).default(""),
});
export type CreateWebhookInput = z.input<typeof CreateWebhookSchema>;

export const UpdateWebhookSchema = z.object({
  ...fields,
  webhookId: z.uuid(),
  active: z.boolean(),
  /** A new signing secret; empty = keep the current one. */
  secret: safeString().trim().max(200).default(""),
});
export type UpdateWebhookInput = z.input<typeof UpdateWebhookSchema>;

export const WebhookIdSchema = z.object({ webhookId: z.uuid() });
export type WebhookIdInput = z.input<typeof WebhookIdSchema>;
