/** The rota from a chosen instant: shifts and gaps in time order, gaps in red. */
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Badge } from "@/components/badge";
import type { RotaShiftView } from "@/lib/server/oncall";
import type { Gap } from "@/lib/sla/rota-pattern";
import { formatDate, formatTime } from "@/lib/i18n/format";
import type { T } from "@/lib/server/http/session";
import { submitDeleteShift } from "./actions";

/** "man. 7. des. 16:00–22:00", or both dates when it runs past midnight. */
export function spanText(startsAt: Date, endsAt: Date, now: Date, t: T): string {
  const from = formatDate(startsAt, now, t.locale);
  const to = formatDate(new Date(endsAt.getTime() - 1), now, t.locale);
  // A shift to local midnight ends at 24:00 of its day, not 00:00.
  const end = formatTime(endsAt) === "00:00" ? "24:00" : formatTime(endsAt);
  return from === to ? `${from} ${formatTime(startsAt)}–${end}` : `${from} ${formatTime(startsAt)} – ${formatDate(endsAt, now, t.locale)} ${formatTime(endsAt)}`;
}

type Row = { kind: "shift"; at: number; shift: RotaShiftView } | { kind: "gap"; at: number; gap: Gap };

export function RotaTable({ shifts, gaps, now, fra, t, caption }: { shifts: RotaShiftView[]; gaps: Gap[]; now: Date; fra: string; t: T; caption: string }) {
  const rows: Row[] = [
    ...shifts.map((shift) => ({ kind: "shift" as const, at: shift.startsAt.getTime(), shift })),
    ...gaps.map((gap) => ({ kind: "gap" as const, at: gap.startsAt.getTime(), gap })),
  ].sort((a, b) => a.at - b.at || (a.kind === "gap" ? 1 : 0) - (b.kind === "gap" ? 1 : 0));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
      <table className="w-full border-collapse text-left" data-testid="rota-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-300 text-sm text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2">
              {t("rota.shifts.when")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("rota.shifts.role")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("rota.shifts.person")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("rota.shifts.source")}
            </th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">{t("rota.shifts.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            row.kind === "gap" ? (
              <tr key={`gap-${row.at}`} data-testid="rota-gap" className="border-b border-l-4 border-red-200 border-l-red-700 bg-red-50 text-red-900">
                <td className="whitespace-nowrap px-4 py-2 font-semibold">
                  <time dateTime={row.gap.startsAt.toISOString()}>{spanText(row.gap.startsAt, row.gap.endsAt, now, t)}</time>
                </td>
                <td colSpan={4} className="px-4 py-2 font-semibold">
                  {t("rota.shifts.gap")}
                </td>
              </tr>
            ) : (
              <tr key={row.shift.id} data-testid="rota-shift" className="border-b border-slate-200 last:border-0">
                <td className="whitespace-nowrap px-4 py-2">
                  <time dateTime={row.shift.startsAt.toISOString()}>{spanText(row.shift.startsAt, row.shift.endsAt, now, t)}</time>
                </td>
                <td className="px-4 py-2">{t(row.shift.position === 0 ? "rota.shifts.primary" : "rota.shifts.backup")}</td>
                <td className="px-4 py-2">{row.shift.active ? row.shift.userName : t("rota.shifts.inactive", { name: row.shift.userName })}</td>
                <td className="px-4 py-2">
                  <Badge tone={row.shift.kind === "OVERRIDE" ? "warning" : "neutral"}>{t(`rota.shifts.kind.${row.shift.kind}`)}</Badge>
                </td>
                <td className="px-4 py-2 text-right">
                  {row.shift.kind !== "PATTERN" && row.shift.endsAt > now && (
                    <ConfirmDialog
                      action={submitDeleteShift}
                      hidden={{ shiftId: row.shift.id, fra }}
                      label={t("rota.shifts.delete")}
                      ariaLabel={t("rota.shifts.deleteFor", { name: row.shift.userName, when: spanText(row.shift.startsAt, row.shift.endsAt, now, t) })}
                      title={t("rota.shifts.deleteTitle")}
                      body={t("rota.shifts.deleteBody")}
                      confirm={t("rota.shifts.delete")}
                      cancel={t("common.cancel")}
                    />
                  )}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
