/**
 * npm run bench:signin: does sign-in take the same time whether the address exists? (issue 14)
 * Times signInWithPassword for an existing address with a wrong password, a locked account and an
 * unknown address, then the throttle's 429 answers (past the limit per address) for an existing
 * and an unknown address. Prints the medians and their ratio; JSON last.
 */
import { randomBytes } from "node:crypto";
import { dropDatabase, ensureDatabase } from "../lib/server/db/admin";
import { migrate } from "../lib/server/db/migrations";
import { createPrisma } from "../lib/server/db/prisma";
import { seed } from "../lib/server/db/seed";
import { createRedis } from "../lib/server/redis";
import { readEnv } from "../lib/config/env";
import { signInWithPassword } from "../lib/server/auth/sign-in-with-password";
import { checkSignInThrottle } from "../lib/server/auth/sign-in-throttle";
import { runScript } from "../scripts/run-script";

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 100) / 100;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

runScript(async () => {
  const url = new URL(readEnv().DATABASE_URL);
  url.pathname = `/hd_bench_signin_${process.pid}`;
  const databaseUrl = url.toString();
  const redis = createRedis();
  const prefix = `hd-bench-signin-${randomBytes(4).toString("hex")}`;
  const prisma = createPrisma(databaseUrl, 4);
  try {
    await ensureDatabase(databaseUrl);
    await migrate(databaseUrl);
    await seed(prisma);
    const now = new Date();
    await prisma.user.update({ where: { email: "per@nordlys.example" }, data: { lockedUntil: new Date(now.getTime() + 3_600_000) } });
    const policy = { maxFailures: 1_000_000, lockoutMinutes: 15 };
    const paths: Record<string, () => Promise<unknown>> = {
      existingWrongPassword: () => signInWithPassword({ prisma, email: "kari@nordlys.example", password: "wrong", now, policy }),
      existingLocked: () => signInWithPassword({ prisma, email: "per@nordlys.example", password: "wrong", now, policy }),
      unknownAddress: () => signInWithPassword({ prisma, email: `nobody-${randomBytes(3).toString("hex")}@nordlys.example`, password: "wrong", now, policy }),
    };
    for (const fn of Object.values(paths)) await fn(); // warm-up
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
    for (let i = 0; i < RUNS; i++) for (const [name, fn] of Object.entries(paths)) samples[name]!.push(await time(fn));

    // Past the limit: the throttle answers before any account is looked at.
    const env = readEnv({ ...process.env, SIGNIN_MAX_PER_ADDRESS: "1", SIGNIN_MAX_PER_CLIENT: "1000000" });
    const throttled = (email: string) => checkSignInThrottle({ redis, prefix, email, client: "bench", now: new Date(), env });
    await throttled("kari@nordlys.example");
    await throttled("ghost@nordlys.example");
    samples.throttledExisting = [];
    samples.throttledUnknown = [];
    for (let i = 0; i < RUNS; i++) {
      samples.throttledExisting.push(await time(() => throttled("kari@nordlys.example")));
      samples.throttledUnknown.push(await time(() => throttled("ghost@nordlys.example")));
    }

    const medians = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, round(median(v))]));
    for (const [k, v] of Object.entries(medians)) console.log(`${k.padEnd(24)} median ${v} ms over ${RUNS} runs`);
    const ratio = round(medians.existingWrongPassword! / medians.unknownAddress!);
    console.log(`existing (wrong password) / unknown address: ${ratio}`);
    console.log(JSON.stringify({ runs: RUNS, medians, existingOverUnknown: ratio, lockedOverUnknown: round(medians.existingLocked! / medians.unknownAddress!) }));
  } finally {
    await prisma.$disconnect();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await dropDatabase(databaseUrl);
  }
});
