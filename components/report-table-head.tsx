/** The header row of a report table: one column per label, numbers right-aligned, the last column without right padding. */
export interface ReportColumn {
  label: string;
  numeric?: boolean;
  /** Read by screen readers only (e.g. an actions column). */
  hidden?: boolean;
}

export function ReportTableHead({ columns }: { columns: ReportColumn[] }) {
  return (
    <thead className="border-b border-slate-300 text-slate-600">
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col" className={`py-2${i < columns.length - 1 ? " pr-4" : ""}${c.numeric ? " text-right" : ""}`}>
            {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
