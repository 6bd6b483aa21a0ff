/** Who records downtime: agents and provider admins. Everyone else gets "not found". */
import type { Actor } from "../actor";
import { notFound } from "../errors";

export const INCIDENT_WRITERS = ["AGENT", "PROVIDER_ADMIN"] as const;

export function requireIncidentWriter(actor: Actor): void {
  if (!(INCIDENT_WRITERS as readonly string[]).includes(actor.role)) throw notFound("Incident");
}
