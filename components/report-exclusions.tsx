/** Tickets of the month left out of measurement, with the reason. */
import type { ExcludedTicket } from "@/lib/server/reports";

export function ReportExclusions({ exclusions }: { exclusions: ExcludedTicket[] }) {
  if (exclusions.length === 0) return <p className="text-slate-700">Ingen saker er holdt utenfor målingen.</p>;
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Saker som ikke er målt</caption>
      <thead className="border-b border-slate-300 text-slate-600">
        <tr>
          <th scope="col" className="py-2 pr-4">Sak</th>
          <th scope="col" className="py-2 pr-4">Prioritet</th>
          <th scope="col" className="py-2">Grunn</th>
        </tr>
      </thead>
      <tbody>
        {exclusions.map((e) => (
          <tr key={e.ticketId} className="border-b border-slate-200">
            <th scope="row" className="py-2 pr-4 font-medium">{e.reference}</th>
            <td className="py-2 pr-4">{e.priority}</td>
            <td className="py-2">{e.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
