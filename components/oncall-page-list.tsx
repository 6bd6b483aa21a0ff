/** The on-call pages waiting for the signed-in person, each with its own "acknowledge" button. */
import Link from "next/link";
import type { WaitingPage } from "@/lib/server/oncall";
import { t, type Locale } from "@/lib/i18n";
import { formatDateTime, formatRelative } from "@/lib/i18n/format";
import { PriorityBadge } from "./priority-badge";
import { SubmitButton } from "./submit-button";

const PRIORITIES = new Set(["P1", "P2", "P3", "P4"]);

export function OncallPageList({ pages, now, locale, acknowledge }: { pages: WaitingPage[]; now: Date; locale: Locale; acknowledge: (form: FormData) => Promise<void> }) {
  return (
    <ul className="flex flex-col gap-3" aria-label={t(locale, "oncall.pages.caption")}>
      {pages.map((p) => (
        <li key={p.escalationId} className="flex flex-col gap-3 rounded-lg border-2 border-red-700 bg-white p-4 sm:flex-row sm:items-center sm:justify-between" data-testid="oncall-page">
          <div className="flex flex-col gap-1">
            <p className="flex flex-wrap items-center gap-2">
              {PRIORITIES.has(p.priority) && <PriorityBadge priority={p.priority as "P1"} locale={locale} />}
              <Link href={`/arbeid/saker/${p.ticketId}`} className="font-medium text-blue-800 underline underline-offset-2">
                {p.title}
              </Link>
              <span className="font-mono text-sm text-slate-700">{p.reference}</span>
            </p>
            <p className="text-sm text-slate-700">
              {t(locale, "oncall.pages.paged")}: <time dateTime={p.createdAt.toISOString()}>{formatDateTime(p.createdAt, now, locale)}</time> · {t(locale, "oncall.pages.attempt")} {p.attempt}
              {p.dueAt && (
                <>
                  {" "}
                  · {t(locale, "oncall.pages.nextReminder")}: <time dateTime={p.dueAt.toISOString()}>{formatRelative(p.dueAt, now, locale)}</time>
                </>
              )}
            </p>
          </div>
          <form action={acknowledge} aria-label={t(locale, "oncall.pages.acknowledgeFor", { reference: p.reference })}>
            <input type="hidden" name="escalationId" value={p.escalationId} />
            <SubmitButton label={t(locale, "oncall.pages.acknowledge")} pendingLabel={t(locale, "oncall.pages.pending")} />
          </form>
        </li>
      ))}
    </ul>
  );
}
