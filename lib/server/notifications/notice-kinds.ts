import "server-only";
/**
 * Which customer notices (issue 17) a user may turn off on /profile, and which are the duty
 * notices of the agreement (000 §5.2 the receipt, 000 §5.8 the solution with its confirmation
 * window) that are always sent. Template names, as User.mutedNotices stores them.
 */
export const DUTY_NOTICES = ["ticket-receipt", "ticket-solved"] as const;
export const OPTIONAL_NOTICES = ["ticket-reply", "ticket-waiting", "ticket-closed", "ticket-priority-changed", "ticket-oncall", "ticket-merged", "ticket-expected-resolution"] as const;

export type DutyNotice = (typeof DUTY_NOTICES)[number];
export type OptionalNotice = (typeof OPTIONAL_NOTICES)[number];
export type CustomerNotice = DutyNotice | OptionalNotice;

export const isOptionalNotice = (template: string): template is OptionalNotice => (OPTIONAL_NOTICES as readonly string[]).includes(template);
