/**
 * npm run bench:api [-- --duration S --connections N --port P]: the built app (`next build` first;
 * `node scripts/start.mjs`) over HTTP under autocannon, on a database of its own (migrated, seeded)
 * and a REDIS_PREFIX of its own, with the API rate limit raised for the run. For ONE web process
 * and then for TWO behind a round-robin (Node's cluster module: a tiny primary forks two
 * start.mjs workers that share the port and takes the connections in turn), in one run:
 *   - references: GET /api/v1/tickets with no token (the 401 of the route wrapper: Next.js and our
 *     proxy with no database or Redis work, the floor any request here pays), and GET /api/health
 *     anonymously (the checks of the database, Redis and the queues, no token);
 *   - registration: POST /api/v1/tickets with a customer's API token (one organisation), then spread
 *     over three organisations (each has its own ticket reference counter row), then one at a time;
 *   - queue: GET /api/v1/tickets?limit=25 with an agent's token, alone and while registrations run;
 *   - mixed: an agent's workload (the queue, a ticket, an internal note) on random tickets.
 * Plus a plain SQL reference: single-row INSERTs, autocommit, as many clients as connections.
 * Prints requests per second and p50/p99 per phase, PostgreSQL time per request from
 * pg_stat_statements when the server preloads it (else says so), and as its JSON last line
 * {registrationsPerSecond, registrationP99Ms, queueP99Ms, processes} for the configuration with the
 * most registrations per second (queueP99Ms: the queue while registrations run).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { dropDatabase, ensureDatabase } from "../lib/server/db/admin";
import { migrate } from "../lib/server/db/migrations";
import { createPrisma } from "../lib/server/db/prisma";
import { seed } from "../lib/server/db/seed";
import { readEnv } from "../lib/config/env";
import { createApiToken } from "../lib/server/tokens/create-api-token";
import { deleteKeys } from "../tests/support/redis-keys";
import { runScript } from "../scripts/run-script";
import { ensureBuilt, waitForHealth } from "./support/web-server";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = arg("duration", 10);
const CONNECTIONS = arg("connections", 10);
const PORT = arg("port", 3290);
const log = (line: string) => console.log(`[bench:api] ${line}`);
const round = (x: number) => Math.round(x * 10) / 10;

/** The tiny cluster primary: N workers running scripts/start.mjs on one port, connections handed out round-robin. */
const CLUSTER_PRIMARY = `
import cluster from "node:cluster";
const [n, port] = process.argv.slice(-2);
cluster.schedulingPolicy = cluster.SCHED_RR;
cluster.setupPrimary({ execArgv: [], exec: "scripts/start.mjs", args: ["-p", port, "-H", "127.0.0.1"] });
for (let i = 0; i < Number(n); i++) cluster.fork();
cluster.on("exit", (w, code) => { if (!process.exitCode && code) { console.error("a web worker exited with " + code); process.exit(1); } });
process.on("SIGTERM", () => { process.exitCode = 0; for (const w of Object.values(cluster.workers)) w.kill("SIGTERM"); });
`;

interface Phase {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** PostgreSQL execution time and statements per request, when pg_stat_statements answers. */
  pgMsPerRequest?: number;
  statementsPerRequest?: number;
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

type Request = autocannon.Request;

/** Runs one load; answers other than `expect` (2xx by default) count as errors. */
function cannon(url: string, requests: Request[], connections = CONNECTIONS, expect?: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: DURATION, requests }, (error, result) => {
      if (error) return reject(error);
      // autocannon counts every non-2xx as non2xx: the floor's 401s are what it asks for.
      resolve(expect ? { ...result, non2xx: result.non2xx - (result.statusCodeStats?.[`${expect}`]?.count ?? 0) } : result);
    });
  });
}

const phaseOf = (r: autocannon.Result): Phase => ({
  rps: r.requests.total / DURATION,
  p50: r.latency.p50,
  p99: r.latency.p99,
  requests: r.requests.total,
  errors: r.errors + r.timeouts + r.non2xx,
});

const describe = (name: string, p: Phase) =>
  `${name.padEnd(28)} ${String(Math.round(p.rps)).padStart(6)} req/s  p50 ${String(Math.round(p.p50)).padStart(4)} ms  p99 ${String(Math.round(p.p99)).padStart(4)} ms  (${p.requests} requests, ${p.errors} errors${
    p.pgMsPerRequest !== undefined ? `; PostgreSQL ${round(p.pgMsPerRequest)} ms and ${round(p.statementsPerRequest!)} statements per request` : ""
  })`;

runScript(async () => {
  ensureBuilt(log);
  const started = performance.now();
  const env = readEnv();
  const url = new URL(env.DATABASE_URL);
  const dbName = `hd_bench_api_${process.pid}`;
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const prefix = `hd-bench-api-${randomBytes(4).toString("hex")}`;
  const prisma = createPrisma(databaseUrl, 4);
  const sql = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS + 1 });
  try {
    await ensureDatabase(databaseUrl);
    await migrate(databaseUrl);
    await seed(prisma);
    const ctx = { prisma, now: () => new Date() };
    const agent = (await createApiToken({ input: { email: "lise@servicedesk.example" }, ctx })).token;
    const customer = (await createApiToken({ input: { email: "kari@nordlys.example" }, ctx })).token;
    // One customer of each seeded organisation (each its own reference counter: NL, FV, BH).
    const customers = [customer];
    for (const email of ["ingrid@fjordvik.example", "sara@bergheim.example"]) customers.push((await createApiToken({ input: { email }, ctx })).token);
    log(`database ${dbName}, Redis prefix ${prefix}, ${CONNECTIONS} connections, ${DURATION} s a phase, ${readEnv().DATABASE_POOL_SIZE} PostgreSQL connections per web process`);

    // PostgreSQL time per request: only when the server preloads pg_stat_statements.
    const preload = (await sql.query<{ v: string }>("select current_setting('shared_preload_libraries') as v")).rows[0]!.v;
    let statements = false;
    if (preload.split(",").some((l) => l.trim() === "pg_stat_statements")) {
      try {
        await sql.query("create extension if not exists pg_stat_statements");
        statements = true;
      } catch (error) {
        log(`pg_stat_statements is preloaded but cannot be used (${error instanceof Error ? error.message : String(error)}): PostgreSQL time per request skipped`);
      }
    } else {
      log(`pg_stat_statements is not in shared_preload_libraries on this server (${preload || "empty"}): PostgreSQL time per request skipped`);
    }
    const pgTotals = async () => {
      const { rows } = await sql.query<{ ms: number; calls: string }>(
        "select coalesce(sum(total_exec_time), 0)::float8 as ms, coalesce(sum(calls), 0)::text as calls from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = $1",
        [dbName],
      );
      return { ms: rows[0]!.ms, calls: Number(rows[0]!.calls) };
    };
    /**
     * Waits until the app has finished what the last phase left in flight (autocannon stops at the
     * deadline, the server carries on with the requests it has), so phases do not bleed into each other.
     */
    const settle = async () => {
      for (let i = 0; i < 300; i++) {
        const { rows } = await sql.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = $1 and state <> 'idle' and pid <> pg_backend_pid()", [dbName]);
        if (rows[0]!.n === 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    /**
     * Runs one load and, with pg_stat_statements, charges the database time of the phase to its
     * requests (execution time, lock waits included; the requests in flight at the end are counted in).
     */
    const measured = async (load: () => Promise<autocannon.Result>): Promise<Phase> => {
      await settle();
      const before = statements ? await pgTotals() : null;
      const phase = phaseOf(await load());
      await settle();
      if (before && phase.requests > 0) {
        const after = await pgTotals();
        phase.pgMsPerRequest = (after.ms - before.ms) / Math.max(1, phase.requests);
        phase.statementsPerRequest = (after.calls - before.calls) / Math.max(1, phase.requests);
      }
      return phase;
    };

    // Reference: plain single-row INSERTs over as many connections, no HTTP, no app.
    await sql.query("create table bench_insert (id bigserial primary key, title text not null, created_at timestamptz not null default now())");
    let inserts = 0;
    const insertLatencies: number[] = [];
    const insertUntil = performance.now() + DURATION * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < insertUntil) {
          const t0 = performance.now();
          await sql.query("insert into bench_insert (title) values ($1)", ["bench"]);
          insertLatencies.push(performance.now() - t0);
          inserts++;
        }
      }),
    );
    insertLatencies.sort((a, b) => a - b);
    const sqlInsertsPerSecond = inserts / DURATION;
    log(
      `reference: plain SQL INSERT, ${CONNECTIONS} clients: ${Math.round(sqlInsertsPerSecond)}/s, p50 ${round(insertLatencies[Math.floor(inserts / 2)]!)} ms, p99 ${round(insertLatencies[Math.floor(inserts * 0.99)]!)} ms`,
    );

    const agentHeaders = { authorization: `Bearer ${agent}`, "content-type": "application/json" };
    const customerHeaders = { authorization: `Bearer ${customer}`, "content-type": "application/json" };
    let n = 0;
    const register: Request[] = [
      {
        method: "POST",
        path: "/api/v1/tickets",
        headers: customerHeaders,
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ title: `Bench ticket ${++n}`, description: "Skriveren i 2. etasje skriver ut blanke ark.", priority: "P3" }) }),
      },
    ];
    let m = 0;
    const registerSpread: Request[] = [
      {
        method: "POST",
        path: "/api/v1/tickets",
        headers: customerHeaders,
        setupRequest: (req) => ({
          ...req,
          headers: { ...customerHeaders, authorization: `Bearer ${customers[m % customers.length]}` },
          body: JSON.stringify({ title: `Bench ticket ${++m} (spread)`, description: "Skriveren i 2. etasje skriver ut blanke ark.", priority: "P3" }),
        }),
      },
    ];
    const queue: Request[] = [{ method: "GET", path: "/api/v1/tickets?limit=25", headers: agentHeaders }];
    const health: Request[] = [{ method: "GET", path: "/api/health" }];
    const unauthenticated: Request[] = [{ method: "GET", path: "/api/v1/tickets" }];
    // The agent's mix, per connection in turn: the queue twice, a ticket, an internal note, a filtered queue.
    let ticketIds: string[] = [];
    const pick = () => ticketIds[Math.floor(Math.random() * ticketIds.length)]!;
    const mixed: Request[] = [
      { method: "GET", path: "/api/v1/tickets?limit=25", headers: agentHeaders },
      { method: "GET", path: "/api/v1/tickets", headers: agentHeaders, setupRequest: (req) => ({ ...req, path: `/api/v1/tickets/${pick()}` }) },
      {
        method: "POST",
        path: "/api/v1/tickets",
        headers: agentHeaders,
        setupRequest: (req) => ({ ...req, path: `/api/v1/tickets/${pick()}/events`, body: JSON.stringify({ type: "note", body: "Sjekket loggene, ser på det." }) }),
      },
      { method: "GET", path: "/api/v1/tickets?limit=25&status=NEW", headers: agentHeaders },
      { method: "GET", path: "/api/v1/tickets?limit=25", headers: agentHeaders },
    ];

    const configs: Array<{ processes: number; phases: Record<string, Phase> }> = [];
    for (const processes of [1, 2]) {
      const base = `http://127.0.0.1:${PORT}`;
      const serverEnv = {
        ...process.env,
        NODE_OPTIONS: (process.env.NODE_OPTIONS ?? "").replace("--conditions=react-server", "").trim(),
        DATABASE_URL: databaseUrl,
        REDIS_PREFIX: prefix,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: base,
        APP_URL: base,
        API_RATE_LIMIT_PER_MINUTE: "1000000000",
        NEXT_TELEMETRY_DISABLED: "1",
      };
      const server =
        processes === 1
          ? spawn("node", ["scripts/start.mjs", "-p", String(PORT), "-H", "127.0.0.1"], { stdio: ["ignore", "ignore", "inherit"], env: serverEnv })
          : spawn("node", ["--input-type=module", "-e", CLUSTER_PRIMARY, String(processes), String(PORT)], { stdio: ["ignore", "ignore", "inherit"], env: serverEnv });
      try {
        await waitForHealth(base, server);
        // Warm-up: the first requests of each route load its code in every process; not counted.
        for (let i = 0; i < 4 * processes; i++) {
          await fetch(`${base}/api/v1/tickets`, { method: "POST", headers: customerHeaders, body: JSON.stringify({ title: "Warm-up", description: "x", priority: "P4" }) });
          await fetch(`${base}/api/v1/tickets?limit=25`, { headers: agentHeaders });
        }
        log(`${processes} web process${processes > 1 ? "es (cluster, round-robin)" : ""} on ${base}`);
        const phases: Record<string, Phase> = {};
        const show = (key: string, label: string) => log(`  ${describe(label, phases[key]!)}`);
        phases.floor = await measured(() => cannon(base, unauthenticated, CONNECTIONS, 401));
        show("floor", "401 without a token (floor)");
        phases.health = await measured(() => cannon(base, health));
        show("health", "health (reference)");
        phases.registration = await measured(() => cannon(base, register));
        show("registration", "registration");
        // The same over three organisations: registrations of one organisation queue on its reference counter row.
        phases.registrationSpread = await measured(() => cannon(base, registerSpread));
        show("registrationSpread", "registration, 3 organisations");
        // One at a time: the latency of a registration without queueing behind others.
        phases.registrationSerial = await measured(() => cannon(base, register, 1));
        show("registrationSerial", "registration, one at a time");
        phases.queue = await measured(() => cannon(base, queue));
        show("queue", "queue");
        // The queue while registrations run: half the connections each.
        const half = Math.max(1, Math.round(CONNECTIONS / 2));
        await settle();
        const [underReg, underQueue] = await Promise.all([cannon(base, register, half), cannon(base, queue, half)]);
        phases.registrationWithQueue = phaseOf(underReg);
        phases.queueUnderRegistration = phaseOf(underQueue);
        show("registrationWithQueue", "registration (with queue)");
        show("queueUnderRegistration", "queue (with registration)");
        const { rows } = await sql.query<{ id: string }>(`select id from "Ticket" order by random() limit 500`);
        ticketIds = rows.map((r) => r.id);
        phases.mixed = await measured(() => cannon(base, mixed));
        show("mixed", "mixed agent workload");
        configs.push({ processes, phases });
      } finally {
        await stop(server);
      }
    }

    const tickets = (await sql.query<{ n: string }>(`select count(*)::text as n from "Ticket" where title like 'Bench ticket %'`)).rows[0]!.n;
    const registered = configs.reduce(
      (s, c) => s + ["registration", "registrationSpread", "registrationSerial", "registrationWithQueue"].reduce((t, k) => t + c.phases[k]!.requests - c.phases[k]!.errors, 0),
      0,
    );
    log(`tickets registered by the bench: ${tickets} in the database, ${registered} answered 2xx within the phases (the rest were in flight when a phase ended)`);
    const best = configs.reduce((a, b) => (b.phases.registration!.rps > a.phases.registration!.rps ? b : a));
    for (const c of configs) {
      const r = c.phases.registration!;
      log(
        `${c.processes} process${c.processes > 1 ? "es" : ""}: ${Math.round(r.rps)} registrations/s (${round((100 * r.rps) / sqlInsertsPerSecond)} % of the plain INSERT rate, ${round((100 * r.rps) / c.phases.health!.rps)} % of /api/health's, ${round((100 * r.rps) / c.phases.floor!.rps)} % of a bare 401's ${Math.round(c.phases.floor!.rps)}/s), queue p99 ${Math.round(c.phases.queueUnderRegistration!.p99)} ms under registrations`,
      );
    }
    log(`total ${round((performance.now() - started) / 1000)} s (build excluded)`);
    console.log(
      JSON.stringify({
        registrationsPerSecond: Math.round(best.phases.registration!.rps),
        registrationP99Ms: Math.round(best.phases.registration!.p99),
        queueP99Ms: Math.round(best.phases.queueUnderRegistration!.p99),
        processes: best.processes,
        queueAloneP99Ms: Math.round(best.phases.queue!.p99),
        spreadRegistrationsPerSecond: Math.round(best.phases.registrationSpread!.rps),
        serialRegistrationP50Ms: Math.round(best.phases.registrationSerial!.p50),
        mixedRequestsPerSecond: Math.round(best.phases.mixed!.rps),
        mixedP99Ms: Math.round(best.phases.mixed!.p99),
        healthRequestsPerSecond: Math.round(best.phases.health!.rps),
        floorRequestsPerSecond: Math.round(best.phases.floor!.rps),
        sqlInsertsPerSecond: Math.round(sqlInsertsPerSecond),
        pgStatStatements: statements,
        errors: configs.reduce((s, c) => s + Object.values(c.phases).reduce((t, p) => t + p.errors, 0), 0),
      }),
    );
  } finally {
    await sql.end();
    await prisma.$disconnect();
    await dropDatabase(databaseUrl);
    await deleteKeys(env.REDIS_URL, prefix);
  }
});
