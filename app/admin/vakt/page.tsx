/** /admin/vakt: the rota editor (issue 18) — weekly patterns, shifts and gaps (red) for four weeks, overrides, swaps, calendar links. */
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "@/lib/i18n/server";
import { t as translate, type MessageKey } from "@/lib/i18n";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { CalendarLinkForm } from "@/components/calendar-link-form";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { withSession } from "@/lib/server/http/session";
import { defaultContext } from "@/lib/server/tickets/context";
import { getRotaView } from "@/lib/server/oncall";
import { GAP_WEEKS, startOfLocalDate } from "@/lib/sla/rota-pattern";
import { formatDate } from "@/lib/i18n/format";
import { TIME_ZONE } from "@/lib/config/time-zone";
import { BackLink } from "../back-link";
import { submitCalendarLink, submitDeletePattern, submitEditPattern, submitNewPattern, submitOverride, submitSwap } from "./actions";
import { PatternForm, type PatternFormText } from "./pattern-form";
import { OverrideForm } from "./override-form";
import { SwapForm } from "./swap-form";
import { RotaTable, spanText } from "./rota-table";
import { MAX_WEEKS } from "./limits";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "rota.title") };
}

const DONE: Record<string, MessageKey> = {
  created: "rota.patterns.created",
  saved: "rota.patterns.saved",
  unchanged: "rota.patterns.unchanged",
  "pattern-deleted": "rota.patterns.deleted",
  override: "rota.override.done",
  swapped: "rota.swap.done",
  "shift-deleted": "rota.shifts.deleted",
};
const FAILED: Record<string, MessageKey> = { "pattern-shift": "rota.error.patternShift" };

const LETTERS = "ABCDEFGHIJKL";
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export default async function RotaPage({ searchParams }: { searchParams: Promise<{ done?: string; feil?: string; fra?: string }> }) {
  const { actor, t } = await withSession("provider-admin", "/admin/vakt");
  const search = await searchParams;
  const now = new Date();
  const fra = /^\d{4}-\d{2}-\d{2}$/.test(search.fra ?? "") && !Number.isNaN(Date.parse(search.fra!)) ? search.fra! : "";
  const from = fra ? startOfLocalDate(fra, TIME_ZONE) : now;
  const view = await getRotaView({ actor, ctx: defaultContext(), from });
  const people = view.people.map((p) => ({ value: p.id, label: p.name }));
  const nameOf = new Map(view.people.map((p) => [p.id, p.name]));
  const shiftDate = (days: number) => isoDate(new Date(from.getTime() + days * 86_400_000 + 12 * 3_600_000));
  const done = search.done ? DONE[search.done] : undefined;
  const failed = search.feil ? FAILED[search.feil] : undefined;
  const patternText: PatternFormText = {
    name: t("rota.patterns.name"),
    startsOn: t("rota.patterns.startsOn"),
    startsOnHelp: t("rota.patterns.startsOnHelp"),
    hours: t("rota.patterns.hours"),
    hoursOptions: [
      { value: "VAKTTELEFON", label: t("rota.patterns.hours.VAKTTELEFON") },
      { value: "ALWAYS", label: t("rota.patterns.hours.ALWAYS") },
    ],
    weekCount: t("rota.patterns.weekCount"),
    weekLabels: Array.from({ length: MAX_WEEKS }, (_, i) => t("rota.patterns.week", { letter: LETTERS[i]! })),
    primary: t("rota.patterns.primary"),
    backup: t("rota.patterns.backup"),
    choose: t("rota.patterns.choose"),
    noBackup: t("rota.patterns.noBackup"),
    submit: t("rota.patterns.submit"),
    pending: t("rota.patterns.pending"),
  };
  const swappable = view.shifts
    .filter((s) => !s.planned && s.endsAt > now)
    .map((s) => ({ value: s.id, label: `${spanText(s.startsAt, s.endsAt, now, t)} · ${s.userName} (${t(s.position === 0 ? "rota.shifts.primary" : "rota.shifts.backup")})` }));
  const caption = t("rota.shifts.caption", { from: formatDate(view.from, now, t.locale), to: formatDate(new Date(view.to.getTime() - 1), now, t.locale) });
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin" label={t("admin.nav.back")} />
      <PageHeader title={t("rota.title")} lead={t("rota.intro")} />
      {done && <StatusMessage message={t(done)} />}
      {failed && <ErrorMessage message={t(failed)} />}

      <section aria-labelledby="rota-shifts" className="flex flex-col gap-3">
        <h2 id="rota-shifts" className="text-xl font-semibold">
          {t("rota.shifts.title")}: {t("rota.shifts.range", { from: formatDate(view.from, now, t.locale), to: formatDate(new Date(view.to.getTime() - 1), now, t.locale) })}
        </h2>
        <nav className="flex flex-wrap gap-4" aria-label={t("rota.shifts.title")}>
          <Link className="text-blue-800 underline underline-offset-2" href={`/admin/vakt?fra=${shiftDate(-GAP_WEEKS * 7)}`}>
            {t("rota.shifts.earlier")}
          </Link>
          <Link className="text-blue-800 underline underline-offset-2" href="/admin/vakt">
            {t("rota.shifts.today")}
          </Link>
          <Link className="text-blue-800 underline underline-offset-2" href={`/admin/vakt?fra=${shiftDate(GAP_WEEKS * 7)}`}>
            {t("rota.shifts.later")}
          </Link>
        </nav>
        {!view.required ? (
          <p className="text-slate-700">{t("rota.shifts.notRequired")}</p>
        ) : view.gaps.length ? (
          <ErrorMessage message={t("rota.shifts.gapCount", { count: view.gaps.length })} />
        ) : (
          <StatusMessage message={t("rota.shifts.noGaps")} />
        )}
        {view.shifts.length || view.gaps.length ? <RotaTable shifts={view.shifts} gaps={view.gaps} now={now} fra={fra} t={t} caption={caption} /> : <EmptyState title={t("rota.shifts.none")} />}
      </section>

      <section aria-labelledby="rota-override" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="rota-override" className="text-xl font-semibold">
          {t("rota.override.title")}
        </h2>
        <p className="text-slate-700">{t("rota.override.help", { zone: TIME_ZONE })}</p>
        <OverrideForm
          action={submitOverride}
          people={people}
          fra={fra}
          text={{
            person: t("rota.override.person"),
            choose: t("rota.patterns.choose"),
            from: t("rota.override.from"),
            to: t("rota.override.to"),
            position: t("rota.override.position"),
            positions: [
              { value: "0", label: t("rota.shifts.primary") },
              { value: "1", label: t("rota.shifts.backup") },
            ],
            submit: t("rota.override.submit"),
            pending: t("rota.override.pending"),
          }}
        />
      </section>

      {swappable.length > 1 && (
        <section aria-labelledby="rota-swap" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
          <h2 id="rota-swap" className="text-xl font-semibold">
            {t("rota.swap.title")}
          </h2>
          <p className="text-slate-700">{t("rota.swap.help")}</p>
          <SwapForm
            action={submitSwap}
            shifts={swappable}
            fra={fra}
            text={{ first: t("rota.swap.first"), second: t("rota.swap.second"), choose: t("rota.patterns.choose"), submit: t("rota.swap.submit"), pending: t("rota.swap.pending") }}
          />
        </section>
      )}

      <section aria-labelledby="rota-patterns" className="flex flex-col gap-3">
        <h2 id="rota-patterns" className="text-xl font-semibold">
          {t("rota.patterns.title")}
        </h2>
        {view.patterns.length === 0 ? (
          <EmptyState title={t("rota.patterns.none")} />
        ) : (
          <ul className="flex flex-col gap-3" data-testid="rota-patterns">
            {view.patterns.map((p) => (
              <li key={p.id} className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <span className="flex flex-col gap-1">
                    <span className="font-semibold">{p.name}</span>
                    <span className="text-sm text-slate-700">
                      {t("rota.patterns.inForce", { date: formatDate(startOfLocalDate(p.startsOn, TIME_ZONE), now, t.locale) })} · {t(`rota.patterns.hours.${p.hours}`)}
                    </span>
                    <span className="text-sm text-slate-700">
                      {p.weeks
                        .map((w, i) => `${t("rota.patterns.week", { letter: LETTERS[i]! })}: ${nameOf.get(w.primaryUserId) ?? "?"}${w.backupUserId ? ` / ${nameOf.get(w.backupUserId) ?? "?"}` : ""}`)
                        .join(" · ")}
                    </span>
                  </span>
                  <ConfirmDialog
                    action={submitDeletePattern}
                    hidden={{ patternId: p.id }}
                    label={t("rota.patterns.delete")}
                    ariaLabel={t("rota.patterns.deleteFor", { name: p.name })}
                    title={t("rota.patterns.deleteTitle")}
                    body={t("rota.patterns.deleteBody")}
                    confirm={t("rota.patterns.delete")}
                    cancel={t("common.cancel")}
                  />
                </div>
                <details>
                  <summary className="cursor-pointer text-blue-800 underline underline-offset-2">{t("rota.patterns.edit", { name: p.name })}</summary>
                  <div className="pt-3">
                    <PatternForm
                      id={`pattern-${p.id}`}
                      action={submitEditPattern}
                      people={people}
                      text={patternText}
                      initial={{
                        patternId: p.id,
                        name: p.name,
                        startsOn: p.startsOn,
                        hours: p.hours,
                        weekCount: String(p.weeks.length),
                        ...Object.fromEntries(
                          p.weeks.flatMap((w, i) => [
                            [`week${i}Primary`, w.primaryUserId],
                            [`week${i}Backup`, w.backupUserId ?? ""],
                          ]),
                        ),
                      }}
                    />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="rota-new-pattern" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="rota-new-pattern" className="text-xl font-semibold">
          {t("rota.patterns.add")}
        </h2>
        <PatternForm id="new-pattern" action={submitNewPattern} people={people} text={patternText} initial={{ weekCount: "2" }} />
      </section>

      <section aria-labelledby="rota-calendar" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="rota-calendar" className="text-xl font-semibold">
          {t("rota.calendar.makeFor")}
        </h2>
        <p className="text-slate-700">{t("rota.calendar.adminBody")}</p>
        <CalendarLinkForm
          action={submitCalendarLink}
          people={people}
          text={{ submit: t("rota.calendar.makeFor"), pending: t("rota.calendar.pending"), shown: t("rota.calendar.shown"), once: t("rota.calendar.once"), person: t("rota.calendar.person") }}
        />
      </section>
    </main>
  );
}
