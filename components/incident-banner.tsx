/**
 * The customers' banner while an incident (downtime) affecting their organisation is open (issue
 * 18): on every page, for the organisation's own users only; staff and signed-out visitors see nothing.
 */
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/i18n/format";
import { getActor } from "@/lib/server/auth/session";
import { listOpenIncidentsOf } from "@/lib/server/incidents";
import { defaultContext } from "@/lib/server/tickets/context";

export async function IncidentBanner() {
  const actor = await getActor();
  if (!actor || (actor.role !== "END_USER" && actor.role !== "CUSTOMER_ADMIN")) return null;
  const ctx = defaultContext();
  const [open, t] = await Promise.all([listOpenIncidentsOf({ actor, ctx }), getT()]);
  if (open.length === 0) return null;
  const now = ctx.now();
  return (
    <div role="alert" data-testid="incident-banner" className="border-b-4 border-red-800 bg-red-50 text-red-950">
      <div className="mx-auto flex max-w-5xl flex-col gap-1 px-4 py-3 sm:px-6">
        <p className="font-semibold">{t("incidents.banner.title")}</p>
        {open.map((i) => (
          <p key={i.id}>{t("incidents.banner.text", { service: i.service, since: formatDateTime(i.startedAt, now, t.locale) })}</p>
        ))}
        <p>
          <Link href="/status" className="font-medium underline underline-offset-4">
            {t("incidents.banner.link")}
          </Link>
        </p>
      </div>
    </div>
  );
}
