/** The ticket lifecycle use cases (SLA-RULES.md §1–2). */
export { defaultContext, type UseCaseContext } from "./context";
export { registerTicket } from "./register-ticket";
export { listTickets, getTicket, listTicketEvents } from "./read-tickets";
export { applyTicketAction } from "./apply-ticket-action";
export { autoCloseSolvedTickets } from "./auto-close-tickets";
export { recomputeResponseClock } from "./clock";
export { recomputeClocksOnCalendar, RECOMPUTE_CALENDAR_CLOCKS_JOB } from "./recompute-calendar-clocks";
export { visibleTicketsWhere } from "./scope";
export * from "./schemas";
