/** GET /reports/provider/out-of-hours?month=YYYY-MM: the month's out-of-hours record as CSV, for provider admins, in the reader's language. */
import { t, toLocale } from "@/lib/i18n";
import { getActor } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/prisma";
import { MonthSchema } from "@/lib/server/reports/month";
import { listOutOfHoursWork } from "@/lib/server/oncall/out-of-hours-work";
import { outOfHoursCsv } from "@/lib/server/oncall/out-of-hours-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  const url = new URL(request.url);
  if (!actor) return Response.redirect(new URL(`/api/auth/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`, url), 303);
  const locale = toLocale(actor.locale);
  const month = MonthSchema.safeParse(url.searchParams.get("month"));
  if (!month.success || actor.role !== "PROVIDER_ADMIN") return new Response(t(locale, "report.page.notFound"), { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const view = await listOutOfHoursWork({ prisma: db(), actor, month: month.data });
  return new Response(outOfHoursCsv(view, locale), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${t(locale, "ooh.fileName")}-${month.data}.csv"`,
      "cache-control": "no-store",
    },
  });
}
