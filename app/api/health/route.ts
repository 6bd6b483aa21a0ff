import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/server/health";
import { db } from "@/lib/server/db/prisma";
import { redis, redisPrefix } from "@/lib/server/redis";
import { queueHandles } from "@/lib/server/jobs/queue-handles";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth({ prisma: db(), redis: redis(), prefix: redisPrefix(), queues: queueHandles() });
  return NextResponse.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
