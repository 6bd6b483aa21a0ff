/** The month's uptime: coverage, total and down time, maintenance, and each incident. */
import type { UptimeFigures } from "@/lib/server/reports";
import { EXCLUSION_REASON_NAMES, formatDateTime, formatMinutes, formatPercent } from "@/lib/server/reports/format";

export function ReportUptime({ uptime: u }: { uptime: UptimeFigures }) {
  return (
    <div className="flex flex-col gap-3">
      <p>
        Oppetid <strong>{formatPercent(u.percent, 3)}</strong> over {u.coverage}: {formatMinutes(u.downtimeMinutes)} nedetid av {formatMinutes(u.totalMinutes)}.
        Planlagt vedlikehold: {u.maintenanceWindows} vinduer ({formatMinutes(u.maintenanceMinutes)}){u.maintenanceReducesTotal ? ", trukket fra total tid" : ""}; nedetid i dem teller ikke.
      </p>
      {u.incidents.length > 0 && (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Hendelser med nedetid</caption>
          <thead className="border-b border-slate-300 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4">Tjeneste</th>
              <th scope="col" className="py-2 pr-4">Fra</th>
              <th scope="col" className="py-2 pr-4">Til</th>
              <th scope="col" className="py-2 pr-4">Årsak</th>
              <th scope="col" className="py-2">Teller</th>
            </tr>
          </thead>
          <tbody>
            {u.incidents.map((i) => (
              <tr key={i.id} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-medium">{i.service}</th>
                <td className="py-2 pr-4">{formatDateTime(i.startedAt)}</td>
                <td className="py-2 pr-4">{i.endedAt ? formatDateTime(i.endedAt) : "pågår"}</td>
                <td className="py-2 pr-4">{i.cause}</td>
                <td className="py-2">{i.counts ? "ja" : `nei (${EXCLUSION_REASON_NAMES[i.exclusionReason ?? ""] ?? i.exclusionReason ?? "unntak"})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
