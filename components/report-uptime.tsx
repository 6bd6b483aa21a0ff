/** The month's uptime: coverage, total and down time, maintenance, and each incident. */
import type { UptimeFigures } from "@/lib/server/reports";
import { EXCLUSION_REASON_NAMES, formatDateTime, formatMinutes, formatPercent } from "@/lib/server/reports/format";
import { DataTable } from "./data-table";

export function ReportUptime({ uptime: u }: { uptime: UptimeFigures }) {
  return (
    <div className="flex flex-col gap-3">
      <p>
        Oppetid <strong>{formatPercent(u.percent, 3)}</strong> over {u.coverage}: {formatMinutes(u.downtimeMinutes)} nedetid av {formatMinutes(u.totalMinutes)}.
        Planlagt vedlikehold: {u.maintenanceWindows} vinduer ({formatMinutes(u.maintenanceMinutes)}){u.maintenanceReducesTotal ? ", trukket fra total tid" : ""}; nedetid i dem teller ikke.
      </p>
      {u.incidents.length > 0 && (
        <DataTable look="compact" caption="Hendelser med nedetid" rows={u.incidents} rowKey={(i) => i.id}
          columns={[
            { label: "Tjeneste", cell: (i) => i.service },
            { label: "Fra", cell: (i) => formatDateTime(i.startedAt) },
            { label: "Til", cell: (i) => (i.endedAt ? formatDateTime(i.endedAt) : "pågår") },
            { label: "Årsak", cell: (i) => i.cause },
            { label: "Teller", cell: (i) => (i.counts ? "ja" : `nei (${EXCLUSION_REASON_NAMES[i.exclusionReason ?? ""] ?? i.exclusionReason ?? "unntak"})`) },
          ]}
        />
      )}
    </div>
  );
}
