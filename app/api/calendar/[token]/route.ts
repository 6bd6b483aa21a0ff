/** GET /api/calendar/<token>.ics: an on-call person's shifts as an iCalendar feed (issue 18); 404 for any token that is not a current one. */
import { calendarFeed } from "@/lib/server/oncall";
import { AppError } from "@/lib/server/errors";
import { readEnv } from "@/lib/config/env";
import { db } from "@/lib/server/db/prisma";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const body = await calendarFeed({ prisma: db(), token: token.replace(/\.ics$/, ""), now: new Date(), appUrl: readEnv().APP_URL });
    return new Response(body, { status: 200, headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "no-store", "content-disposition": 'inline; filename="vakt.ics"' } });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found")
      return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
    throw error;
  }
}
