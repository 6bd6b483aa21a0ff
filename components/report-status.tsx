/** Whether the month is closed (frozen figures) and, if a re-run differs, what changed since. */
import type { ReportView } from "@/lib/server/reports";
import { formatDateTime } from "@/lib/server/reports/format";

const FIELD_NAMES: Record<string, string> = {
  "tickets.percent": "andel innenfor responstid",
  "tickets.measured": "målte saker",
  "tickets.breached": "brudd",
  "uptime.percent": "oppetid",
  "uptime.downtimeMinutes": "nedetid (min)",
  "credit.percent": "kreditt (%)",
  "credit.amountOre": "kreditt (øre)",
};

const show = (v: unknown) => (typeof v === "number" ? String(Number(v.toFixed(4))).replace(".", ",") : v === null ? "–" : typeof v === "object" ? "endret" : String(v));

export function ReportStatus({ view }: { view: ReportView }) {
  if (view.status === "DRAFT") return <p className="text-sm text-slate-600">Foreløpige tall, beregnet {formatDateTime(view.figures.computedAt)}. Måneden er ikke lukket.</p>;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="text-slate-700">Måneden ble lukket {formatDateTime(view.closedAt)}. Tallene er frosset med avtaleversjonen og grunnlaget de ble beregnet med.</p>
      {view.differences.length > 0 && (
        <div className="rounded bg-amber-50 p-3 text-amber-900">
          <p className="font-medium">En ny beregning i dag gir andre tall (de lukkede tallene gjelder):</p>
          <ul className="list-disc pl-5">
            {view.differences.map((d) => (
              <li key={d.field}>
                {FIELD_NAMES[d.field] ?? d.field}: {show(d.frozen)} → {show(d.fresh)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
