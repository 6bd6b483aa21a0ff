import "server-only";
/** What the incidents page's actions call (one import point for the page and its actions). */
export { closeIncident, listIncidentBoard, openIncident, scheduleMaintenanceWindow, updateIncident } from "@/lib/server/incidents";
export { defaultContext as defaultIncidentContext } from "@/lib/server/tickets/context";
