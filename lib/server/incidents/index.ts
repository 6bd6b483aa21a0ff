import "server-only";
/** Downtime (incidents) and planned maintenance: the inputs of the monthly uptime figures. */
export { openIncident } from "./open-incident";
export { closeIncident } from "./close-incident";
export { listIncidents } from "./list-incidents";
export { scheduleMaintenanceWindow } from "./schedule-maintenance-window";
export * from "./schemas";
export type { IncidentView } from "./view";
