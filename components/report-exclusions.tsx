/** Tickets of the month left out of measurement, with the reason. */
import type { ExcludedTicket } from "@/lib/server/reports";
import { DataTable } from "./data-table";

export function ReportExclusions({ exclusions }: { exclusions: ExcludedTicket[] }) {
  if (exclusions.length === 0) return <p className="text-slate-700">Ingen saker er holdt utenfor målingen.</p>;
  return (
    <DataTable look="compact" caption="Saker som ikke er målt" rows={exclusions} rowKey={(e) => e.ticketId}
      columns={[
        { label: "Sak", cell: (e) => e.reference },
        { label: "Prioritet", cell: (e) => e.priority },
        { label: "Grunn", cell: (e) => e.reason },
      ]}
    />
  );
}
