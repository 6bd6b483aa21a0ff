import "server-only";
/** The rota's repeatable jobs (issue 18), registered in lib/server/jobs/registry.ts: the roll-forward, and the gap warning. Both are safe to run twice. */
import { z } from "zod";
import type { JobDefinition } from "../jobs/registry";
import { QUEUES } from "../jobs/queues";
import { readEnv } from "../../config/env";
import { rollRota } from "./roll-rota";
import { warnRotaGaps } from "./warn-rota-gaps";

const KEEP_LITTLE = { removeOnComplete: true, removeOnFail: 100 };
const Empty = z.object({});

export const rollRotaJob: JobDefinition<typeof Empty> = {
  queue: QUEUES.system,
  name: "oncall-roll-rota",
  schema: Empty,
  options: KEEP_LITTLE,
  everyMs: 60 * 60_000,
  atStartUp: {},
  async handle(_payload, { prisma }) {
    const { created, removed } = await rollRota({ prisma, now: new Date() });
    if (created || removed) console.log(`[workers] on-call rota rolled forward: ${created} shifts laid, ${removed} removed`);
    return { created, removed };
  },
};

export const warnRotaGapsJob: JobDefinition<typeof Empty> = {
  queue: QUEUES.system,
  name: "oncall-rota-gaps",
  schema: Empty,
  options: KEEP_LITTLE,
  everyMs: 15 * 60_000,
  async handle(_payload, { prisma }) {
    return warnRotaGaps({ prisma, now: new Date(), appUrl: readEnv().APP_URL });
  },
};
