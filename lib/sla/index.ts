/** The SLA engine's public API: pure, framework-free, time always passed in. */
export { SlaHorizonError, SlaInputError } from "./errors";
export type { Day } from "./local-date";
export type { Hours } from "./hours";
export { Calendar, calendarFor, compileCalendar, type CalendarDay, type CalendarSpec } from "./calendar";
export { addBusinessMinutes, businessMinutesBetween, nextOpenInstant } from "./business-time";
export { norwegianPublicHolidays } from "./holidays";
export { PRIORITIES, isPriority, selectAgreementVersion, validateAgreementVersion, type AgreementVersionSpec, type Priority, type ResponseTarget } from "./agreement";
export {
  computeResponseClock,
  computeResponseClockForAgreement,
  nextClockInstants,
  type ClockEvent,
  type ClockInstant,
  type ClockPause,
  type ClockState,
  type ClockWarning,
  type ComputeResponseClockInput,
  type ResponseClock,
} from "./clock";
export { clockStatusAt, firstOverdueInstant, isOverdue, type ClockFacts, type ClockStatus } from "./clock-status";
export { troubleshootingStartCause, type ResponseActivity, type ResponseStartSettings, type TroubleshootingStartCause } from "./response-start";
export { computeCompliance, type ComplianceResult, type ComplianceTicket } from "./compliance";
export {
  computeCredit,
  validateCreditScheme,
  type CreditInput,
  type CreditLine,
  type CreditLineReason,
  type CreditResult,
  type CreditScheme,
  type CreditClaimRule,
  type ServicePeriod,
  type NetpowerCreditScheme,
  type SodvinRefundScheme,
  type UptimeTier,
  type UptimeTiersCreditScheme,
} from "./credit";
export { computeUptime, type UptimeInput, type UptimeResult } from "./uptime";
export { expandMaintenanceWindows, isAutomaticMaintenance, type MaintenanceRule } from "./maintenance";
export {
  checkMaintenanceNotice,
  latestAnnouncement,
  parseMaintenanceNoticeRule,
  NETPOWER_MAINTENANCE_NOTICE,
  NETTSOFT_MAINTENANCE_NOTICE,
  SODVIN_MAINTENANCE_NOTICE,
  type MaintenanceNoticeFlag,
  type MaintenanceNoticeInput,
  type MaintenanceNoticeRefusal,
  type MaintenanceNoticeRule,
  type MaintenanceNoticeVerdict,
} from "./maintenance-notice";
export * from "./presets";
export { creditClaimDeadline, creditClaimStatus, type CreditClaimInput, type CreditClaimState, type CreditClaimStatus } from "./credit-claim";
export { computeServicePeriodRefund, servicePeriodMonths, type MonthUptimeHours, type ServicePeriodRefund } from "./service-period";
export { diffVersionTerms, type VersionDifference, type VersionTerms } from "./version-diff";
export { formatMaintenanceRules, formatUptimeTiers, parseMaintenanceRules, parseUptimeTiers } from "./agreement-text";
