import "server-only";
/** Webhook endpoints (Teams, Slack, an SMS gateway) in the provider admin's hands (issue 15). */
export { createWebhook } from "./create-webhook";
export { updateWebhook } from "./update-webhook";
export { deleteWebhook } from "./delete-webhook";
export { testWebhook, WEBHOOK_TEST_TEMPLATE } from "./test-webhook";
export { listWebhooks, getWebhook, type WebhookRow, type WebhookDetail } from "./list-webhooks";
export { WEBHOOK_TEMPLATES } from "./schemas";
