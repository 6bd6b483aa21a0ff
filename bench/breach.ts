/**
 * npm run bench:breach -- --timers 100000 [--spread 180] [--lead auto] [--workers 1] [--redis-cluster] [--only]
 *
 * Breach latency at scale, through the real path: N P1 tickets on a one-minute 24/7 target are
 * written to a database of their own exactly as registration writes them (ticket, REGISTERED
 * event, running SlaClock with its timers, an sla.schedule outbox message), due `lead` seconds
 * from now and spread over `spread` seconds. Then the real SLA timer worker process(es) relay the
 * outbox to Redis (3 warnings + breach per clock: 4·N delayed jobs) and record every warning and
 * breach. Measured from PostgreSQL afterwards: the delay between each due instant and its
 * recorded breach, tickets with no breach (missed) and breaches recorded twice (duplicates).
 *
 * One run measures the same N timers in every configuration: recorded by 1 and by 2 timer
 * processes (and by --workers N when that is more), on the single Redis of REDIS_URL and on a
 * 3-master Redis Cluster the bench starts and removes itself (tests/support/redis-cluster.ts,
 * prefix a hash tag). Each configuration gets a fresh database and a fresh Redis prefix, so each
 * records the same timers from scratch. --only runs just the configuration the flags ask for
 * (--workers N, --redis-cluster), for a quick check.
 *
 * Prints the latency per 10 s of deadlines and a JSON line per configuration as it finishes, then
 * JSON last: the asked configuration's {timers, p50Ms, p99Ms, maxMs, missed, duplicates, ...} with
 * every configuration measured under `configurations`.
 *
 * The default lead leaves time to relay all 4·N jobs (counting 2,000 a second; 7,000 to 9,000 here)
 * before the first warning, 30 s before the first deadline: in production timers reach Redis as
 * tickets come in, not 400,000 at once, and what is measured is recording with N timers live. BENCH_WORKER_LOG=file
 * keeps the workers' log (they sum up their batches every 10 s), one file per configuration (file.<name>).
 */
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import pg from "pg";
import { readEnv } from "../lib/config/env";
import { preflight } from "../lib/server/preflight";
import { dropDatabase } from "../lib/server/db/admin";
import { migrate } from "../lib/server/db/migrations";
import { createPrisma } from "../lib/server/db/prisma";
import { seed } from "../lib/server/db/seed";
import { deleteKeys } from "../tests/support/redis-keys";
import { startSlaTimerWorker, type RunningProcess } from "../tests/support/processes";
import { startRedisCluster, type RedisClusterUnderTest } from "../tests/support/redis-cluster";
import { runScript } from "../scripts/run-script";

const { values } = parseArgs({
  options: {
    timers: { type: "string", default: "100000" },
    spread: { type: "string", default: "180" },
    lead: { type: "string", default: "auto" },
    workers: { type: "string", default: "1" },
    "redis-cluster": { type: "boolean", default: false },
    only: { type: "boolean", default: false },
  },
});
const N = Number(values.timers);
const SPREAD_S = Number(values.spread);
const LEAD_S = values.lead === "auto" ? Math.round(60 + (4 * N) / 2000) : Number(values.lead);
const WORKERS = Number(values.workers);
const CLUSTER = values["redis-cluster"];
if (!Number.isInteger(N) || N < 1) throw new Error("--timers must be a positive integer");
if (!Number.isInteger(WORKERS) || WORKERS < 1) throw new Error("--workers must be a positive integer");

interface Configuration {
  workers: number;
  redisCluster: boolean;
}
const nameOf = (c: Configuration) => `${c.workers} timer process${c.workers === 1 ? "" : "es"}, ${c.redisCluster ? "3-master Redis Cluster" : "single Redis"}`;
const asked: Configuration = { workers: WORKERS, redisCluster: CLUSTER };
// All of them by default; --only: the asked one alone.
const configurations: Configuration[] = values.only
  ? [asked]
  : [...new Set([1, 2, WORKERS])].sort((a, b) => a - b).flatMap((workers) => [false, true].map((redisCluster) => ({ workers, redisCluster })));

async function load(client: pg.Client, orgId: string, requesterId: string, versionId: string, t0: number): Promise<void> {
  // One statement per table, all rows from generate_series: the due instants are spread evenly.
  const due = `to_timestamp((${t0} + ${LEAD_S * 1000} + (i - 1)::float8 / ${N} * ${SPREAD_S * 1000}) / 1000.0)`;
  // One transaction, as registration writes a ticket, its clock and the outbox message together.
  await client.query("begin");
  await client.query(`create temp table bench_rows as
    select i, gen_random_uuid() as id, ${due} as due from generate_series(1, ${N}) as i`);
  await client.query(
    `insert into "Ticket" ("id","reference","organizationId","requesterId","agreementVersionId","title","description","priority","status","channel","line","createdAt","updatedAt")
     select id, 'BB-2026-' || lpad(i::text, 7, '0'), $1, $2, $3, 'Bench P1 ' || i, 'bench', 'P1', 'NEW', 'API', 'L1', due - interval '1 minute', now() from bench_rows`,
    [orgId, requesterId, versionId],
  );
  await client.query(
    `insert into "TicketEvent" ("ticketId","type","actorId","at","data")
    select id, 'REGISTERED', $1, due - interval '1 minute', jsonb_build_object('priority','P1','channel','API') from bench_rows`,
    [requesterId],
  );
  const timer = (kind: string, threshold: number | null, offsetSeconds: number) =>
    `jsonb_build_object('jobId', 'sla-' || id || '-response-${kind === "breach" ? "breach" : `warning-${threshold}`}-r0', 'ticketId', id, 'metric', 'RESPONSE',
      'kind', '${kind}', ${threshold === null ? "" : `'threshold', ${threshold}, `}'revision', 0,
      'at', to_char((due - interval '${offsetSeconds} seconds') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
  const timers = `jsonb_build_array(${timer("warning", 0.5, 30)}, ${timer("warning", 0.75, 15)}, ${timer("warning", 0.9, 6)}, ${timer("breach", null, 0)})`;
  await client.query(`insert into "SlaClock" ("id","ticketId","metric","state","targetMinutes","startedAt","dueAt","usedMinutes","revision","timers","updatedAt")
    select gen_random_uuid(), id, 'RESPONSE', 'RUNNING', 1, due - interval '1 minute', due, 0, 0, ${timers}, now() from bench_rows`);
  await client.query(`insert into "OutboxMessage" ("topic","payload")
    select 'sla.schedule', jsonb_build_object('ticketId', id, 'metric', 'RESPONSE', 'revision', 0, 'timers', ${timers}, 'cancelJobIds', '[]'::jsonb)
    from bench_rows order by due`);
  await client.query("drop table bench_rows");
  await client.query("commit");
  await client.query('analyze "Ticket"; analyze "SlaClock"; analyze "OutboxMessage"; analyze "TicketEvent"');
}

async function runConfiguration(config: Configuration, redisUrl: string, index: number): Promise<Record<string, unknown>> {
  const label = nameOf(config);
  const log = (line: string) => console.log(`[bench:breach ${label}] ${line}`);
  const env = readEnv();
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/hd_bench_breach_${process.pid}_${index}`;
  const databaseUrl = url.toString();
  // A hash tag, so each queue stays in one slot of the cluster (the same key names on the single Redis).
  const prefix = `{hd-bench-${randomBytes(4).toString("hex")}}`;
  const workers: RunningProcess[] = [];
  const client = new pg.Client({ connectionString: databaseUrl });
  const started = performance.now();
  try {
    await migrate(databaseUrl);
    const prisma = createPrisma(databaseUrl, 2);
    let orgId: string, requesterId: string, versionId: string;
    try {
      await seed(prisma);
      const calendar = await prisma.calendar.findUniqueOrThrow({ where: { key: "always-24-7" } });
      const agreement = await prisma.serviceAgreement.create({
        data: {
          key: "bench-one-minute",
          name: "Bench: P1 in one minute, 24/7",
          provider: "Bench",
          versions: {
            create: {
              label: "v1",
              validFrom: new Date("2000-01-01T00:00:00Z"),
              warningThresholds: [0.5, 0.75, 0.9],
              minWithinTargetPercent: 90,
              creditScheme: { kind: "none" },
              targets: { create: [{ priority: "P1", minutes: 1, calendarId: calendar.id }] },
            },
          },
        },
        include: { versions: true },
      });
      versionId = agreement.versions[0]!.id;
      const org = await prisma.organization.create({ data: { slug: "bench", name: "Bench AS", ticketPrefix: "BB", agreementId: agreement.id } });
      orgId = org.id;
      requesterId = (await prisma.user.create({ data: { email: "bench@bench.example", name: "Bench", role: "END_USER", organizationId: org.id } })).id;
    } finally {
      await prisma.$disconnect();
    }

    await client.connect();
    const t0 = Date.now();
    await load(client, orgId, requesterId, versionId, t0);
    log(`${N.toLocaleString("en")} clocks loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s; first due in ${LEAD_S} s, spread over ${SPREAD_S} s`);

    const workerEnv = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, DATABASE_POOL_SIZE: "20" };
    for (let i = 0; i < config.workers; i++) workers.push(startSlaTimerWorker(workerEnv));
    await Promise.all(workers.map((w) => w.waitFor(/sla-timers@\S+ running/, 60_000)));
    for (;;) {
      const { rows } = await client.query<{ n: string }>('select count(*) as n from "OutboxMessage" where "dispatchedAt" is null');
      if (rows[0]!.n === "0") break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const relayedAt = Date.now();
    log(`outbox relayed to Redis ${((relayedAt - t0) / 1000).toFixed(1)} s after the start (${(4 * N).toLocaleString("en")} delayed jobs)`);
    if (relayedAt > t0 + LEAD_S * 1000) log("WARNING: relaying took longer than the lead; the first deadlines were already due");

    const end = t0 + (LEAD_S + SPREAD_S) * 1000;
    for (;;) {
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from "Escalation" where "kind" = 'BREACH'`);
      const recorded = Number(rows[0]!.n);
      const now = Date.now();
      if (recorded >= N || now > end + 60_000) break;
      if (now > t0 + LEAD_S * 1000) log(`${recorded.toLocaleString("en")} breaches recorded, ${Math.max(0, Math.round((end - now) / 1000))} s of deadlines to go`);
      await new Promise((r) => setTimeout(r, 10_000));
    }
    await Promise.all(workers.map((w) => w.stop("SIGTERM")));
    if (process.env.BENCH_WORKER_LOG) writeFileSync(`${process.env.BENCH_WORKER_LOG}.${config.workers}w-${config.redisCluster ? "cluster" : "single"}`, workers.map((w) => w.output()).join("\n"));

    const { rows: stats } = await client.query<{ recorded: string; p50: number; p99: number; max: number }>(`
      select count(*) as recorded,
             percentile_cont(0.5) within group (order by ms) as p50,
             percentile_cont(0.99) within group (order by ms) as p99,
             max(ms) as max
      from (select extract(epoch from (e."createdAt" - e."dueAt")) * 1000 as ms from "Escalation" e where e."kind" = 'BREACH') d`);
    const { rows: dup } = await client.query<{ n: string }>(`
      select coalesce(sum(c - 1), 0) as n from (select count(*) as c from "TicketEvent" where "type" = 'SLA_BREACHED' group by "ticketId") d`);
    const { rows: warnings } = await client.query<{ n: string; p99: number }>(`
      select count(*) as n, percentile_cont(0.99) within group (order by extract(epoch from (e."createdAt" - (c."dueAt" - make_interval(secs => 60 * (1 - e."threshold"))))) * 1000) as p99
      from "Escalation" e join "SlaClock" c on c."id" = e."clockId" where e."kind" = 'WARNING'`);
    // Where in the run the slow ones were: per 10 s of due instants.
    const { rows: windows } = await client.query<{ w: number; n: string; p50: number; p99: number; max: number }>(`
      select floor((extract(epoch from e."dueAt") * 1000 - ${t0 + LEAD_S * 1000}) / 10000) as w, count(*) as n,
             percentile_cont(0.5) within group (order by ms) as p50, percentile_cont(0.99) within group (order by ms) as p99, max(ms) as max
      from (select "dueAt", extract(epoch from ("createdAt" - "dueAt")) * 1000 as ms from "Escalation" where "kind" = 'BREACH') e
      group by 1 order by 1`);
    for (const w of windows) {
      log(`due ${Math.floor(w.w) * 10}–${Math.floor(w.w) * 10 + 10} s: ${w.n} breaches, p50 ${Math.round(w.p50)} ms, p99 ${Math.round(w.p99)} ms, max ${Math.round(w.max)} ms`);
    }
    const s = stats[0]!;
    const result = {
      timers: N,
      p50Ms: Math.round(s.p50 ?? NaN),
      p99Ms: Math.round(s.p99 ?? NaN),
      maxMs: Math.round(s.max ?? NaN),
      missed: N - Number(s.recorded),
      duplicates: Number(dup[0]!.n),
      warningsRecorded: Number(warnings[0]!.n),
      warningP99Ms: Math.round(warnings[0]!.p99 ?? NaN),
      jobs: 4 * N,
      spreadSeconds: SPREAD_S,
      workerProcesses: config.workers,
      redisCluster: config.redisCluster,
      redisMasters: config.redisCluster ? redisUrl.split(",").length : 1,
      seconds: Math.round((performance.now() - started) / 1000),
    };
    log(
      `breaches: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms; missed ${result.missed}, duplicates ${result.duplicates}; warnings: ${result.warningsRecorded} (p99 ${result.warningP99Ms} ms)`,
    );
    log(JSON.stringify({ configuration: label, ...result }));
    return result;
  } finally {
    await Promise.all(workers.map((w) => w.stop("SIGKILL")));
    await client.end().catch(() => undefined);
    await dropDatabase(databaseUrl);
    await deleteKeys(redisUrl, prefix);
  }
}

runScript(async () => {
  const env = readEnv();
  await preflight({ postgres: "server", redis: true });
  const started = performance.now();
  let cluster: RedisClusterUnderTest | undefined;
  try {
    if (configurations.some((c) => c.redisCluster)) {
      cluster = await startRedisCluster(3);
      console.log(`[bench:breach] Redis Cluster of 3 masters started on ports ${cluster.ports.join(", ")}`);
    }
    console.log(`[bench:breach] ${configurations.length} configuration(s), ${N.toLocaleString("en")} timers each: ${configurations.map(nameOf).join("; ")}`);
    const results: Record<string, unknown>[] = [];
    for (const [i, config] of configurations.entries()) {
      results.push(await runConfiguration(config, config.redisCluster ? cluster!.url : env.REDIS_URL, i));
    }
    const askedResult = results[configurations.findIndex((c) => c.workers === asked.workers && c.redisCluster === asked.redisCluster)]!;
    console.log(`[bench:breach] ${configurations.length} configuration(s) in ${Math.round((performance.now() - started) / 1000)} s`);
    console.log(JSON.stringify({ ...askedResult, configurations: results }));
  } finally {
    await cluster?.stop();
  }
});
