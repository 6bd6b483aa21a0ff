/**
 * /arbeid/hendelser: the agents' incidents page (issue 18). Open an incident (from a P1 ticket:
 * ?sak=<ticket id>, or on its own) with the affected customers, service, start, end, cause, whether
 * it counts and linked tickets; send updates while it is open; close it. Provider admins also plan
 * maintenance under the agreement's notice rules. Every step tells the customers' admins by e-mail.
 */
import type { Metadata } from "next";
import { getLocale } from "@/lib/i18n/server";
import { t as translate, type MessageKey } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { localDateTime, TIME_ZONE } from "@/lib/config/time-zone";
import { withSession } from "@/lib/server/http/session";
import { EXCLUSION_REASONS } from "@/lib/server/incidents/schemas";
import { Badge } from "@/components/badge";
import { ErrorMessage } from "@/components/error-message";
import { PageHeader } from "@/components/page-header";
import { Select } from "@/components/select";
import { StatusMessage } from "@/components/status-message";
import { SubmitButton } from "@/components/submit-button";
import { TextArea } from "@/components/text-area";
import { TextField } from "@/components/text-field";
import { closeIncidentFromForm, openIncidentFromForm, scheduleMaintenanceFromForm, updateIncidentFromForm } from "./actions";
import { defaultIncidentContext, listIncidentBoard } from "./use-cases";
import { getStaffTicket } from "@/lib/server/tickets";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "incidents.page.title") };
}

const DONE = ["opened", "updated", "closed", "scheduled", "scheduledFlagged"] as const;
const REFUSAL_CODES = ["starts_before_announcement", "covers_outage", "too_short_notice", "outside_allowed_slots", "cause_missing"] as const;
const localInput = (at: Date) => localDateTime(at).replace(" ", "T");

type Search = { sak?: string; gjort?: string; feil?: string; grunner?: string };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { actor, t, found } = await withSession("staff", "/arbeid/hendelser");
  const search = await searchParams;
  const ctx = defaultIncidentContext();
  const now = ctx.now();
  const board = await found(listIncidentBoard({ actor, ctx }));
  const ticket = search.sak ? await getStaffTicket({ actor, input: { id: search.sak }, ctx }).catch(() => null) : null;
  const done = DONE.find((d) => d === search.gjort);
  const reasons = (search.grunner ?? "")
    .split("|")
    .filter(Boolean)
    .map((r) => {
      const [code, a, b] = r.split(":");
      // Only codes this page knows are worded; anything else in the address is not shown.
      if (!(REFUSAL_CODES as readonly string[]).includes(code ?? "")) return null;
      if (code === "too_short_notice") return t("incidents.refusal.too_short_notice", { days: a ?? "", latest: b ? formatDateTime(new Date(b), now, t.locale) : "" });
      if (code === "covers_outage") return t("incidents.refusal.covers_outage", { count: (a ?? "").split(",").length });
      return t(`incidents.refusal.${code}` as MessageKey);
    })
    .filter((r): r is string => r !== null);
  const refusal = search.feil ? (search.feil === "maintenance" ? reasons.join("; ") || t("incidents.error.invalid") : errorText(search.feil)) : null;
  const when = (d: Date) => formatDateTime(d, now, t.locale);
  function errorText(code: string): string {
    if (code === "forbidden" || code === "not_found") return t("incidents.error.notAllowed");
    if (code === "conflict") return t("incidents.error.conflict");
    return t("incidents.error.invalid");
  }
  const reasonText = (r: string | null) => (r && (EXCLUSION_REASONS as readonly string[]).includes(r) ? t(`incidents.reason.${r}` as MessageKey) : (r ?? ""));

  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-8 px-4 py-8 sm:px-6">
      <PageHeader title={t("incidents.page.title")} lead={t("incidents.page.lead")} />
      {done && <StatusMessage message={t(`incidents.done.${done}`, { hours: 72 })} />}
      {refusal && <ErrorMessage message={t("incidents.error.refused", { reason: refusal })} />}

      <section aria-labelledby="open-heading" className="flex flex-col gap-3">
        <h2 id="open-heading" className="text-xl font-semibold">
          {t("incidents.list.open")}
        </h2>
        {board.open.length === 0 && <p>{t("incidents.list.none")}</p>}
        <ul className="flex flex-col gap-4">
          {board.open.map((i) => (
            <li key={i.id} id={`hendelse-${i.id}`} data-testid="open-incident" className="flex flex-col gap-3 rounded-lg border border-red-300 bg-white p-4">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone="danger">{i.service}</Badge>
                <span>{t("incidents.list.since", { when: when(i.startedAt) })}</span>
                {!i.counts && <Badge tone="neutral">{t("incidents.list.notCounting", { reason: reasonText(i.exclusionReason) })}</Badge>}
              </div>
              <p>{i.cause}</p>
              <p className="text-sm text-slate-700">{t("incidents.list.organizations", { names: i.organizations.join(", ") || (i.agreementName ?? "") })}</p>
              {i.tickets.length > 0 && <p className="text-sm text-slate-700">{t("incidents.list.tickets", { references: i.tickets.map((x) => x.reference).join(", ") })}</p>}
              <ul className="flex flex-col gap-1 text-sm">
                {i.updates
                  .filter((u) => u.message)
                  .map((u) => (
                    <li key={u.id}>
                      <span className="text-slate-600">{when(u.createdAt)}:</span> {u.message}
                    </li>
                  ))}
              </ul>
              <div className="grid gap-4 sm:grid-cols-2">
                <form action={updateIncidentFromForm} className="flex flex-col gap-2">
                  <input type="hidden" name="id" value={i.id} />
                  <TextArea id={`update-${i.id}`} name="message" label={t("incidents.update.field")} rows={3} required />
                  <div>
                    <SubmitButton label={t("incidents.update.button")} pendingLabel={t("incidents.update.button")} tone="secondary" />
                  </div>
                </form>
                <form action={closeIncidentFromForm} className="flex flex-col gap-2">
                  <input type="hidden" name="id" value={i.id} />
                  <TextField id={`close-end-${i.id}`} name="endedAt" type="datetime-local" label={t("incidents.close.endedAt")} />
                  <TextArea id={`close-message-${i.id}`} name="message" label={t("incidents.field.message")} rows={2} />
                  <div>
                    <SubmitButton label={t("incidents.close.button")} pendingLabel={t("incidents.close.button")} tone="danger" />
                  </div>
                </form>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="new-heading" className="flex flex-col gap-3">
        <h2 id="new-heading" className="text-xl font-semibold">
          {t("incidents.open.title")}
        </h2>
        {ticket && <p data-testid="from-ticket">{t("incidents.open.fromTicket", { reference: ticket.reference })}</p>}
        <form action={openIncidentFromForm} className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5">
          {ticket && <input type="hidden" name="ticketId" value={ticket.id} />}
          {!ticket && <input type="hidden" name="ticketId" value="" />}
          <fieldset className="flex flex-col gap-1">
            <legend className="font-medium">{t("incidents.field.organizations")}</legend>
            <div className="grid max-h-56 gap-1 overflow-y-auto sm:grid-cols-2">
              {board.organizations.map((o) => (
                <label key={o.id} className="flex items-center gap-2">
                  <input type="checkbox" name="organizationIds" value={o.id} defaultChecked={ticket?.organizationId === o.id} className="h-5 w-5" />
                  {o.name}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField id="incident-service" name="service" label={t("incidents.field.service")} required maxLength={200} />
            <TextField
              id="incident-started"
              name="startedAt"
              type="datetime-local"
              label={t("incidents.field.startedAt")}
              defaultValue={localInput(ticket ? new Date(ticket.createdAt) : now)}
              required
            />
            <TextField id="incident-ended" name="endedAt" type="datetime-local" label={t("incidents.field.endedAt")} help={t("incidents.field.endedAtHelp", { zone: TIME_ZONE })} />
          </div>
          <TextArea id="incident-cause" name="cause" label={t("incidents.field.cause")} rows={3} required />
          <TextArea id="incident-message" name="message" label={t("incidents.field.message")} rows={3} />
          <div className="flex flex-col gap-1">
            <label className="flex items-center gap-2 font-medium">
              <input type="checkbox" name="counts" defaultChecked className="h-5 w-5" />
              {t("incidents.field.counts")}
            </label>
            <p className="text-sm text-slate-700">{t("incidents.field.countsHelp")}</p>
          </div>
          <Select
            id="incident-exclusion"
            name="exclusionReason"
            label={t("incidents.field.exclusionReason")}
            options={[{ value: "", label: "—" }, ...EXCLUSION_REASONS.map((r) => ({ value: r, label: t(`incidents.reason.${r}`) }))]}
          />
          <TextArea id="incident-tickets" name="ticketReferences" label={t("incidents.field.tickets")} rows={2} />
          <div>
            <SubmitButton label={t("incidents.open.button")} pendingLabel={t("incidents.open.button")} tone="danger" />
          </div>
        </form>
      </section>

      <section aria-labelledby="maintenance-heading" className="flex flex-col gap-3">
        <h2 id="maintenance-heading" className="text-xl font-semibold">
          {t("incidents.maintenance.upcoming")}
        </h2>
        {board.maintenance.length === 0 && <p>{t("incidents.maintenance.none")}</p>}
        <ul className="flex flex-col gap-2">
          {board.maintenance.map((w) => (
            <li key={w.id} data-testid="maintenance" className="rounded-md border border-slate-300 bg-white p-3">
              <span className="font-medium">{w.agreement.name}</span>: {w.startsAt && w.endsAt ? t("incidents.list.period", { from: when(w.startsAt), to: when(w.endsAt) }) : ""} — {w.description}{" "}
              {w.noticeFlags.map((f) => (
                <Badge key={f} tone="warning">
                  {f === "short_notice" ? t("incidents.maintenance.flag.short_notice") : f}
                </Badge>
              ))}
            </li>
          ))}
        </ul>
        {actor.role === "PROVIDER_ADMIN" && (
          <form action={scheduleMaintenanceFromForm} className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5">
            <h3 className="text-lg font-semibold">{t("incidents.maintenance.title")}</h3>
            <p className="text-slate-700">{t("incidents.maintenance.lead")}</p>
            <Select id="maintenance-agreement" name="agreementId" label={t("incidents.maintenance.agreement")} options={board.agreements.map((a) => ({ value: a.id, label: a.name }))} />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField id="maintenance-starts" name="startsAt" type="datetime-local" label={t("incidents.maintenance.startsAt")} required />
              <TextField id="maintenance-ends" name="endsAt" type="datetime-local" label={t("incidents.maintenance.endsAt")} required />
            </div>
            <TextArea id="maintenance-cause" name="description" label={t("incidents.maintenance.cause")} rows={3} required maxLength={500} />
            <div>
              <SubmitButton label={t("incidents.maintenance.button")} pendingLabel={t("incidents.maintenance.button")} />
            </div>
          </form>
        )}
      </section>

      <section aria-labelledby="closed-heading" className="flex flex-col gap-3">
        <h2 id="closed-heading" className="text-xl font-semibold">
          {t("incidents.list.closed")}
        </h2>
        {board.closed.length === 0 && <p>{t("incidents.list.noneClosed")}</p>}
        <ul className="flex flex-col gap-2">
          {board.closed.map((i) => (
            <li key={i.id} data-testid="closed-incident" className="rounded-md border border-slate-300 bg-white p-3">
              <span className="font-medium">{i.service}</span>: {t("incidents.list.period", { from: when(i.startedAt), to: i.endedAt ? when(i.endedAt) : "" })} — {i.cause}
              {" · "}
              {t("incidents.list.organizations", { names: i.organizations.join(", ") || (i.agreementName ?? "") })}
              {!i.counts && ` · ${t("incidents.list.notCounting", { reason: reasonText(i.exclusionReason) })}`}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
