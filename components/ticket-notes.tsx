/**
 * Beside a customer's ticket (issue 19): the expected time to solution the servicedesk gave
 * (000 §13), with its note, and for a merged ticket the pointer to the ticket it was merged into.
 */
import Link from "next/link";
import type { Actor } from "@/lib/server/actor";
import type { T } from "@/lib/server/http/session";
import { formatDateTime } from "@/lib/i18n/format";
import { defaultContext, getTicketNotes } from "@/lib/server/tickets";

export async function TicketNotes({ ticketId, actor, t, now }: { ticketId: string; actor: Actor; t: T; now: Date }) {
  const notes = await getTicketNotes({ actor, input: { id: ticketId }, ctx: defaultContext() });
  if (!notes.mergedInto && !notes.expectedResolution) return null;
  return (
    <>
      {notes.mergedInto && (
        <p className="rounded-md border-l-4 border-blue-800 bg-blue-50 p-3" data-testid="merged-into">
          {notes.mergedInto.id ? (
            <Link href={`/saker/${notes.mergedInto.id}`} className="underline">
              {t("related.customer.merged", { reference: notes.mergedInto.reference })}
            </Link>
          ) : (
            t("related.customer.merged", { reference: notes.mergedInto.reference })
          )}
        </p>
      )}
      {notes.expectedResolution && (
        <section className="rounded-md border-l-4 border-blue-800 bg-blue-50 p-3" data-testid="expected-resolution" aria-label={t("related.customer.expected")}>
          <p>
            <span className="font-medium">{t("related.customer.expected")}:</span> <time dateTime={notes.expectedResolution.at}>{formatDateTime(notes.expectedResolution.at, now, t.locale)}</time>
          </p>
          {notes.expectedResolution.note && <p className="mt-1 whitespace-pre-wrap break-words">{notes.expectedResolution.note}</p>}
        </section>
      )}
    </>
  );
}
