/**
 * The agent's related-tickets panel (issue 19): links both ways (add by reference, remove), the
 * parent or the children of a "major incident" ticket, merging into another ticket (after
 * confirming), what the ticket was merged into or from, and the expected time to solution given to
 * the customer (000 §13).
 */
import Link from "next/link";
import type { Actor } from "@/lib/server/actor";
import type { T } from "@/lib/server/http/session";
import { formatDateTime } from "@/lib/i18n/format";
import { defaultContext, getRelatedTickets, LINK_KINDS } from "@/lib/server/tickets";
import type { RelatedTicketsView } from "@/lib/server/tickets/get-related-tickets";
import { RelatedForm } from "@/components/related-form";
import { StatusBadge } from "@/components/status-badge";
import { submitRelatedAction } from "./related-actions";

type Related = RelatedTicketsView["children"][number];

function TicketLink({ ticket, t }: { ticket: Related; t: T }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Link href={`/arbeid/saker/${ticket.id}`} className="font-mono text-blue-800 underline">
        {ticket.reference}
      </Link>
      <span className="text-sm text-slate-700">{ticket.title}</span>
      <StatusBadge status={ticket.status} locale={t.locale} />
    </span>
  );
}

export async function RelatedTickets({ ticketId, actor, t, now }: { ticketId: string; actor: Actor; t: T; now: Date }) {
  const view = await getRelatedTickets({ actor, input: { id: ticketId }, ctx: defaultContext() });
  const open = view.status !== "CLOSED";
  const active = open && view.status !== "SOLVED";
  const pending = t("agent.actions.pending");
  const hidden = (op: string, more: Record<string, string> = {}) => ({ ticketId: view.ticketId, op, ...more });
  const canHaveChildren = !view.parent && open;
  return (
    <section aria-labelledby="related-heading" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4" data-testid="related-tickets">
      <h3 id="related-heading" className="text-lg font-semibold">
        {t("related.panel.title")}
      </h3>
      {view.mergedInto && (
        <p className="rounded-md border-l-4 border-blue-800 bg-blue-50 p-3" data-testid="merged-into">
          {t("related.merged", { reference: "" })}
          <Link href={`/arbeid/saker/${view.mergedInto.id}`} className="font-mono text-blue-800 underline">
            {view.mergedInto.reference}
          </Link>
        </p>
      )}
      {view.mergedFrom.length > 0 && <p data-testid="merged-from">{t("related.mergedFrom", { references: view.mergedFrom.map((m) => m.reference).join(", ") })}</p>}

      {view.links.length === 0 ? (
        <p className="text-sm text-slate-700">{t("related.panel.none")}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="related-links">
          {view.links.map((l) => (
            <li key={l.id} className="flex flex-col gap-1">
              <span className="text-sm font-medium">{t(`related.link.${l.direction}.${l.kind}`, { reference: "" }).trim()}</span>
              <TicketLink ticket={l.ticket} t={t} />
              <RelatedForm formAction={submitRelatedAction} id={`unlink-${l.id}`} hidden={hidden("unlink", { linkId: l.id })} submit={t("related.link.remove")} pending={pending} tone="secondary" />
            </li>
          ))}
        </ul>
      )}
      {open && (
        <RelatedForm
          formAction={submitRelatedAction}
          id="link-form"
          hidden={hidden("link")}
          fields={[
            { name: "reference", label: t("related.link.reference"), required: true },
            { name: "kind", label: t("related.link.kind"), options: LINK_KINDS.map((k) => ({ value: k, label: t(`related.kind.${k}`) })) },
          ]}
          submit={t("related.link.add")}
          pending={pending}
          tone="secondary"
        />
      )}

      <h4 className="font-semibold">{t("related.parent.title")}</h4>
      {view.parent ? (
        <div className="flex flex-col gap-2" data-testid="parent">
          <span>{t("related.parent.childOf", { reference: view.parent.reference })}</span>
          <TicketLink ticket={view.parent} t={t} />
          <RelatedForm
            formAction={submitRelatedAction}
            id="unchild-self"
            hidden={hidden("unchild", { childId: view.ticketId })}
            submit={t("related.parent.remove")}
            pending={pending}
            tone="secondary"
          />
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("related.parent.help")}</p>
          {view.children.length === 0 ? (
            <p className="text-sm text-slate-700">{t("related.parent.noChildren")}</p>
          ) : (
            <ul className="flex flex-col gap-2" data-testid="children">
              <li className="text-sm font-medium">{t("related.parent.children")}</li>
              {view.children.map((c) => (
                <li key={c.id} className="flex flex-col gap-1">
                  <TicketLink ticket={c} t={t} />
                  <RelatedForm
                    formAction={submitRelatedAction}
                    id={`unchild-${c.id}`}
                    hidden={hidden("unchild", { childId: c.id })}
                    submit={t("related.parent.remove")}
                    pending={pending}
                    tone="secondary"
                  />
                </li>
              ))}
            </ul>
          )}
          {canHaveChildren && (
            <RelatedForm
              formAction={submitRelatedAction}
              id="child-form"
              hidden={hidden("child")}
              fields={[{ name: "reference", label: t("related.link.reference"), required: true }]}
              submit={t("related.parent.add")}
              pending={pending}
              tone="secondary"
            />
          )}
        </>
      )}

      <h4 className="font-semibold">{t("related.expected.title")}</h4>
      <p className="text-sm text-slate-700">{t("related.expected.help")}</p>
      {view.expectedResolution && (
        <p data-testid="expected-resolution">
          {t("related.expected.current", { when: formatDateTime(view.expectedResolution.at, now, t.locale) })}
          {view.expectedResolution.note ? ` — ${view.expectedResolution.note}` : ""}
        </p>
      )}
      {active && (
        <RelatedForm
          formAction={submitRelatedAction}
          id="expected-form"
          hidden={hidden("expected")}
          fields={[
            { name: "expectedAt", label: t("related.expected.at"), kind: "datetime-local", required: true },
            { name: "note", label: t("related.expected.note"), kind: "textarea" },
          ]}
          submit={t("related.expected.submit")}
          pending={pending}
          tone="secondary"
        />
      )}

      {open && !view.mergedInto && (
        <>
          <h4 className="font-semibold">{t("related.merge.title")}</h4>
          <p className="text-sm text-slate-700">{t("related.merge.help")}</p>
          <RelatedForm
            formAction={submitRelatedAction}
            id="merge-form"
            hidden={hidden("merge")}
            fields={[{ name: "reference", label: t("related.merge.into"), required: true }]}
            submit={t("related.merge.submit")}
            pending={pending}
            confirm={{
              title: t("related.merge.title"),
              body: t("related.merge.confirm", { reference: view.reference, into: "{value}" }),
              yes: t("related.merge.yes"),
              cancel: t("related.merge.cancel"),
            }}
          />
        </>
      )}
    </section>
  );
}
