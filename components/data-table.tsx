/**
 * A table of rows, one per item: a caption for screen readers, a header row, and each row's first
 * cell as its row header. Two looks: `boxed` (the lists of the admin pages and the portal, in a
 * bordered white box) and `compact` (the figures of the reports and the workers page).
 */
import type { ReactNode } from "react";

export interface Column<R> {
  label: ReactNode;
  /** The label is for screen readers only (a column of buttons). */
  hiddenLabel?: boolean;
  /** Numbers line up on the right. */
  numeric?: boolean;
  /** More classes of this column's cells, or of one row's cell (the row header's weight, by default normal or medium by look). */
  className?: string | ((row: R) => string);
  cell: (row: R) => ReactNode;
}

export interface DataTableProps<R> {
  caption?: string;
  columns: Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  look?: "boxed" | "compact";
  /** Rows align their cells at the top (cells of several lines). */
  alignTop?: boolean;
  /** The table's foot (a total). */
  footer?: ReactNode;
}

const LOOKS = {
  boxed: {
    frame: "overflow-x-auto rounded-lg border border-slate-300 bg-white",
    table: "w-full border-collapse text-left",
    head: "border-b border-slate-300 text-sm text-slate-700",
    headCell: () => "px-4 py-2",
    row: "border-b border-slate-200 last:border-0",
    cell: () => "px-4 py-3",
    rowHeader: "font-normal",
  },
  compact: {
    frame: "overflow-x-auto",
    table: "w-full border-collapse text-left text-sm",
    head: "border-b border-slate-300 text-slate-600",
    headCell: (last: boolean) => (last ? "py-2" : "py-2 pr-4"),
    row: "border-b border-slate-200",
    cell: (last: boolean) => (last ? "py-2" : "py-2 pr-4"),
    rowHeader: "font-medium",
  },
} as const;

const cellClass = <R,>(c: Column<R>, row: R): string | undefined => (typeof c.className === "function" ? c.className(row) : c.className);

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");

export function DataTable<R>({ caption, columns, rows, rowKey, look = "boxed", alignTop = false, footer }: DataTableProps<R>) {
  const s = LOOKS[look];
  const last = columns.length - 1;
  return (
    <div className={s.frame}>
      <table className={s.table}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className={s.head}>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={classes(s.headCell(i === last), c.numeric && "text-right")}>
                {c.hiddenLabel ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={classes(s.row, alignTop && "align-top")}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={classes(s.cell(i === last), c.numeric && "text-right", cellClass(c, row) ?? s.rowHeader)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={classes(s.cell(i === last), c.numeric && "text-right", cellClass(c, row))}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </div>
  );
}
