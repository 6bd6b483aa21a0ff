/** The breached tickets of the month: target, business time used, and how late. */
import type { BreachedTicket } from "@/lib/server/reports";
import { formatDateTime, formatMinutes } from "@/lib/server/reports/format";

export function ReportBreaches({ breaches }: { breaches: BreachedTicket[] }) {
  if (breaches.length === 0) return <p className="text-slate-700">Ingen saker brøt responstiden denne måneden.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Saker som brøt responstiden</caption>
        <thead className="border-b border-slate-300 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">Sak</th>
            <th scope="col" className="py-2 pr-4">Prioritet</th>
            <th scope="col" className="py-2 pr-4">Registrert</th>
            <th scope="col" className="py-2 pr-4 text-right">Mål</th>
            <th scope="col" className="py-2 pr-4 text-right">Brukt arbeidstid</th>
            <th scope="col" className="py-2 pr-4 text-right">For sent (arbeidstid)</th>
            <th scope="col" className="py-2 text-right">For sent (klokketid)</th>
          </tr>
        </thead>
        <tbody>
          {breaches.map((b) => (
            <tr key={b.ticketId} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-medium">
                {b.reference} <span className="font-normal text-slate-600">{b.title}</span>
              </th>
              <td className="py-2 pr-4">{b.priority}</td>
              <td className="py-2 pr-4">{formatDateTime(b.registeredAt)}</td>
              <td className="py-2 pr-4 text-right">{formatMinutes(b.targetMinutes ?? 0)}</td>
              <td className="py-2 pr-4 text-right">{formatMinutes(b.usedMinutes)}</td>
              <td className="py-2 pr-4 text-right">{formatMinutes(b.lateBusinessMinutes)}</td>
              <td className="py-2 text-right">{formatMinutes(b.lateWallMinutes)}{b.stillRunning ? " (ikke besvart ennå)" : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
