/** The breached tickets of the month: target, business time used, and how late. */
import type { BreachedTicket } from "@/lib/server/reports";
import { formatDateTime, formatMinutes } from "@/lib/server/reports/format";
import { DataTable } from "./data-table";

export function ReportBreaches({ breaches }: { breaches: BreachedTicket[] }) {
  if (breaches.length === 0) return <p className="text-slate-700">Ingen saker brøt responstiden denne måneden.</p>;
  return (
    <DataTable look="compact" caption="Saker som brøt responstiden" rows={breaches} rowKey={(b) => b.ticketId}
      columns={[
        { label: "Sak", cell: (b) => <>{b.reference} <span className="font-normal text-slate-600">{b.title}</span></> },
        { label: "Prioritet", cell: (b) => b.priority },
        { label: "Registrert", cell: (b) => formatDateTime(b.registeredAt) },
        { label: "Mål", numeric: true, cell: (b) => formatMinutes(b.targetMinutes ?? 0) },
        { label: "Brukt arbeidstid", numeric: true, cell: (b) => formatMinutes(b.usedMinutes) },
        { label: "For sent (arbeidstid)", numeric: true, cell: (b) => formatMinutes(b.lateBusinessMinutes) },
        { label: "For sent (klokketid)", numeric: true, cell: (b) => <>{formatMinutes(b.lateWallMinutes)}{b.stillRunning ? " (ikke besvart ennå)" : ""}</> },
      ]}
    />
  );
}
