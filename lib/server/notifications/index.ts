import "server-only";
/** Notification delivery: outbox rows in PostgreSQL, delivered by the workers (e-mail, signed webhooks, in-app). */
export { startNotificationDelivery } from "./delivery-loop";
export { deliverDueNotifications, type DeliveryOptions, type DeliveryReport } from "./deliver";
export { createTransport, type MailTransport } from "./transport";
export { signWebhook, verifyWebhookSignature } from "./webhook";
export { listNotifications, ListNotificationsSchema, type NotificationView } from "./list-notifications";
export { retryNotification } from "./retry-notification";
export { notificationStats, type NotificationStats } from "./notification-stats";
export { renderNotification, parsePayload, TEMPLATE_NAMES, type TemplateName, type TemplatePayload } from "./templates";
export { throttleFromEnv, type ThrottleSettings } from "./throttle";
export { PermanentDeliveryError } from "./errors";
export { LEASE_MS, MAX_ATTEMPTS, retryDelayMs } from "./backoff";
export { DUTY_NOTICES, OPTIONAL_NOTICES, isOptionalNotice, type CustomerNotice, type OptionalNotice } from "./notice-kinds";
export { setMutedNotices, mutedNoticesOf, SetMutedNoticesSchema, type SetMutedNoticesInput } from "./set-muted-notices";
