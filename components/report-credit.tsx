/** The credit calculation, line by line, as lib/sla computed it. */
import type { CreditFigures } from "@/lib/server/reports";
import { CREDIT_SCHEME_NAMES, formatKroner, formatPercent } from "@/lib/server/reports/format";

export function ReportCredit({ credit: c }: { credit: CreditFigures }) {
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">
        {CREDIT_SCHEME_NAMES[c.scheme] ?? c.scheme}. Månedspris {formatKroner(c.monthlyFeeOre)}.
      </p>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Kredittberegning</caption>
        <thead className="border-b border-slate-300 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">Linje</th>
            <th scope="col" className="py-2 pr-4 text-right">Prosent</th>
            <th scope="col" className="py-2 text-right">Beløp</th>
          </tr>
        </thead>
        <tbody>
          {c.lines.map((l, i) => (
            <tr key={i} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-normal">{l.label}</th>
              <td className="py-2 pr-4 text-right">{formatPercent(l.percent)}</td>
              <td className="py-2 text-right">{c.monthlyFeeOre === null ? "–" : formatKroner(l.amountOre)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" className="py-2 pr-4">Kreditt denne måneden</th>
            <td className="py-2 pr-4 text-right">{formatPercent(c.percent)}</td>
            <td className="py-2 text-right">{formatKroner(c.amountOre)}</td>
          </tr>
        </tfoot>
      </table>
      {c.note && <p role="note" className="rounded bg-amber-50 p-2 text-sm text-amber-900">{c.note}</p>}
    </div>
  );
}
