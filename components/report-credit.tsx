/** The credit calculation, line by line, as lib/sla computed it. */
import type { CreditFigures } from "@/lib/server/reports";
import { CREDIT_SCHEME_NAMES, formatKroner, formatPercent } from "@/lib/server/reports/format";
import { DataTable } from "./data-table";

export function ReportCredit({ credit: c }: { credit: CreditFigures }) {
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">
        {CREDIT_SCHEME_NAMES[c.scheme] ?? c.scheme}. Månedspris {formatKroner(c.monthlyFeeOre)}.
      </p>
      <DataTable look="compact" caption="Kredittberegning" rows={c.lines.map((l, i) => ({ ...l, key: String(i) }))} rowKey={(l) => l.key}
        columns={[
          { label: "Linje", className: "font-normal", cell: (l) => l.label },
          { label: "Prosent", numeric: true, cell: (l) => formatPercent(l.percent) },
          { label: "Beløp", numeric: true, cell: (l) => (c.monthlyFeeOre === null ? "–" : formatKroner(l.amountOre)) },
        ]}
        footer={
          <tr className="font-semibold">
            <th scope="row" className="py-2 pr-4">Kreditt denne måneden</th>
            <td className="py-2 pr-4 text-right">{formatPercent(c.percent)}</td>
            <td className="py-2 text-right">{formatKroner(c.amountOre)}</td>
          </tr>
        }
      />
      {c.note && <p role="note" className="rounded bg-amber-50 p-2 text-sm text-amber-900">{c.note}</p>}
    </div>
  );
}
