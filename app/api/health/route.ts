/** GET /api/health: `{status}` for anyone (200 or 503); the details for a provider admin or the health token. */
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/server/health";
import { readRouter } from "@/lib/server/db/replica";
import { healthAnswer, healthTokenMatches, mayReadHealthDetails } from "@/lib/server/health-access";
import { getActor } from "@/lib/server/auth/session";
import { readEnv } from "@/lib/config/env";
import { db } from "@/lib/server/db/prisma";
import { redis, redisPrefix } from "@/lib/server/redis";
import { queueHandles } from "@/lib/server/jobs/queue-handles";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const health = await checkHealth({ prisma: db(), redis: redis(), prefix: redisPrefix(), queues: queueHandles(), replica: () => readRouter().status() });
  const details = healthTokenMatches(request.headers.get("authorization"), readEnv().HEALTH_TOKEN) || (health.database.ok && mayReadHealthDetails(await getActor()));
  return NextResponse.json(healthAnswer(health, details), {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
