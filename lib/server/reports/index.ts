import "server-only";
/** Monthly SLA reports per customer organisation (SLA-RULES.md §4). */
export { getOrganizationReport } from "./get-organization-report";
export { listMonthReports } from "./list-month-reports";
export { getComplianceHistory, type ComplianceHistoryPoint } from "./get-compliance-history";
export { recomputeMonthlyReport } from "./recompute-report";
export { closeMonthlyReport } from "./close-report";
export { computeMonthReports } from "./compute-reports";
export { monthlyReportsJob, monthlyReportsJobId, runMonthlyReports, nextMonthlyRunAt } from "./report-job";
export { MonthSchema, monthBounds, monthOf, previousMonth, addMonths, type Month } from "./month";
export type { ReportView } from "./report-views";
export type { FigureDifference } from "./differences";
export type * from "./figures";
export { claimCredit } from "./claim-credit";
export { creditClaimOf, type CreditClaimView } from "./credit-claim";
export { getCreditClaim } from "./get-credit-claim";
