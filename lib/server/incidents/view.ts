import "server-only";
/** The shape an incident is returned in. */
export const incidentViewSelect = {
  id: true,
  organizationId: true,
  agreementId: true,
  ticketId: true,
  service: true,
  cause: true,
  startedAt: true,
  endedAt: true,
  counts: true,
  exclusionReason: true,
  createdAt: true,
} as const;

export interface IncidentView {
  id: string;
  organizationId: string | null;
  agreementId: string | null;
  ticketId: string | null;
  service: string;
  cause: string;
  startedAt: Date;
  endedAt: Date | null;
  counts: boolean;
  exclusionReason: string | null;
  createdAt: Date;
}
