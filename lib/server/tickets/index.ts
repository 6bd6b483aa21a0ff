import "server-only";
/** The ticket lifecycle use cases (SLA-RULES.md §1–2). */
export { defaultContext, type UseCaseContext, readContext } from "./context";
export { registerTicket, registrationRefusal, isContactPersonRefusal } from "./register-ticket";
export { registerTicketOnce, IdempotencyKeySchema } from "./register-ticket-once";
export { listTickets, getTicket, getStaffTicket, listTicketEvents } from "./read-tickets";
export { ticketViewFor, customerTicketView } from "./audience";
export { applyTicketAction, applyTicketActions } from "./apply-ticket-action";
export { autoCloseSolvedTickets } from "./auto-close-tickets";
export { recomputeResponseClock } from "./clock";
export { recomputeClocksOnCalendar, RECOMPUTE_CALENDAR_CLOCKS_JOB } from "./recompute-calendar-clocks";
export { visibleTicketsWhere } from "./scope";
export * from "./schemas";
