import "server-only";
/** On-call: rotas, paging the on-call person, acknowledgement and re-notification (SLA-RULES.md §3). */
export { onCallChain, defaultRotaShifts, ON_CALL_ROLES, type OnCallLink, type PlannedShift } from "./rota";
export { addShift, setShifts, type ShiftView } from "./set-shifts";
export { seedOnCallRota } from "./seed-rota";
export { pageOnCall, pageDedupeKey } from "./page-on-call";
export { handleOnCallCheck, type OnCallCheckOutcome } from "./handle-oncall-check";
export { ONCALL_CHECK_JOB, OnCallCheckPayloadSchema, onCallCheckJobId, type OnCallCheckPayload } from "./job-names";
export { acknowledgePage, type AcknowledgeBy, type AcknowledgeResult } from "./acknowledge-page";
export { readAckLink, type AckLinkView } from "./read-ack-link";
export { listPagesFor, type UpcomingShift, type WaitingPage } from "./list-pages";
export { overdueOnCallChecks } from "./due-checks";
export { onCallConfig, type OnCallConfig } from "./config";
export { ONCALL_PAGE_TEMPLATE } from "./send-notice";
export { pageIfOnCallCase, sweepOnCallCases, ONCALL_SWEEP_JOB, OUT_OF_HOURS_REASON, type OnCallSweepPayload } from "./out-of-hours";
export { pageForFiredTimers, firedTimerReason } from "./page-fired-timer";
