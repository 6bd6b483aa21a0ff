import "server-only";
/**
 * Every action code and target type the audit log is written with (issue 15), in one place:
 * writeAudit takes only these, and the messages `auditActions.action.<code>` and
 * `auditActions.target.<type>` must exist for each in both languages (lib/i18n/messages/
 * audit-actions.ts is typed by these unions), so an action without a human label fails
 * type-checking. Codes are stored as they are and stay the filter's values; add new ones at the
 * end of their area. `person.erase` is written by the database function erase_person (migration
 * `audit_append_only_scopes`), not through writeAudit.
 */
import type { Translate } from "../../i18n/t";

export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.two_factor",
  "auth.two_factor_failed",
  "auth.password_reset_requested",
  "two_factor.enrol",
  "two_factor.disable",
  "two_factor.recovery_code_used",
  "two_factor.recovery_codes_regenerated",
  "organization.create",
  "organization.update",
  "organization.deactivate",
  "organization.reactivate",
  "organization.oidc.create",
  "organization.oidc.update",
  "organization.oidc.enable",
  "organization.oidc.disable",
  "agreement.create",
  "agreement.version.create",
  "calendar.create",
  "calendar.update",
  "calendar.date_set",
  "calendar.date_remove",
  "user.create",
  "user.invite",
  "user.reinvite",
  "user.update",
  "user.role_change",
  "user.deactivate",
  "user.reactivate",
  "user.password_set",
  "user.contact_person",
  "person.erase",
  "token.create",
  "token.revoke",
  "webhook.create",
  "webhook.update",
  "webhook.delete",
  "webhook.test",
  "report.close",
  "credit.claim",
  "mail.unknown_sender.assigned",
  "mail.unknown_sender.rejected",
  "mailbox.created",
  "mailbox.updated",
  "oncall.pattern.create",
  "oncall.pattern.update",
  "oncall.pattern.delete",
  "oncall.override",
  "oncall.swap",
  "oncall.shift.delete",
  "oncall.calendar_link",
  "incident.open",
  "incident.update",
  "incident.close",
  "maintenance.announce",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kind of row an audit entry concerns: the Prisma model's name. */
export const AUDIT_TARGET_TYPES = [
  "Organization",
  "OrganizationOidc",
  "ServiceAgreement",
  "Calendar",
  "User",
  "ApiToken",
  "WebhookEndpoint",
  "MonthlyReport",
  "CreditClaim",
  "InboundMail",
  "Mailbox",
  "OnCallPattern",
  "OnCallShift",
  "OnCallCalendarToken",
  "Incident",
  "MaintenanceWindow",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export const isAuditAction = (code: string): code is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(code);
export const isAuditTargetType = (type: string): type is AuditTargetType => (AUDIT_TARGET_TYPES as readonly string[]).includes(type);

/** An action code in the reader's words; a code not in AUDIT_ACTIONS (none is written) shows as itself. */
export const auditActionLabel = (t: Translate, code: string): string => (isAuditAction(code) ? t(`auditActions.action.${code}`) : code);

/** A target type in the reader's words. Rows written before the types were the model names ("user") match case-insensitively. */
export function auditTargetLabel(t: Translate, type: string): string {
  const known = AUDIT_TARGET_TYPES.find((k) => k.toLowerCase() === type.toLowerCase());
  return known ? t(`auditActions.target.${known}`) : type;
}
