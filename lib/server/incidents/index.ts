import "server-only";
/** Downtime (incidents) and planned maintenance: the inputs of the monthly uptime figures, and the customers' notices (issue 18). */
export { openIncident } from "./open-incident";
export { updateIncident } from "./update-incident";
export { closeIncident } from "./close-incident";
export { listIncidents } from "./list-incidents";
export { listIncidentBoard, type IncidentBoard } from "./list-incident-board";
export { scheduleMaintenanceWindow, MaintenanceNoticeRefused } from "./schedule-maintenance-window";
export { getOrganizationStatus, type OrganizationStatus } from "./get-organization-status";
export { listOpenIncidentsOf } from "./list-open-incidents-of";
export * from "./schemas";
export type { IncidentView } from "./view";
