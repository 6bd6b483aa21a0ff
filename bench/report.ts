/**
 * Monthly SLA report at scale: a database of its own with 1,000,000 tickets (and their response
 * clocks) across 200 customer organisations over 12 months, bulk-loaded in SQL; then the time to
 * compute one organisation's month (median of several runs) and all organisations' month, against
 * a reference in the same run: loading every ticket of the month with its clock through Prisma
 * (what the report must not do). Prints JSON as the last line. The database is dropped at the end.
 */
import pg from "pg";
import { readEnv } from "../lib/config/env";
import { preflight } from "../lib/server/preflight";
import { dropDatabase, ensureDatabase } from "../lib/server/db/admin";
import { migrate } from "../lib/server/db/migrations";
import { createPrisma } from "../lib/server/db/prisma";
import { seed } from "../lib/server/db/seed";
import { computeMonthReports, monthBounds } from "../lib/server/reports";
import { runScript } from "../scripts/run-script";

/** BENCH_TICKETS overrides the size for a quick try. */
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const ORGANIZATIONS = 200;
const MONTH = "2026-06";
const NOW = new Date("2026-12-02T12:00:00Z");
const ONE_ORG_RUNS = 15;
const ALL_ORG_RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Organisations on the seeded agreements, one requester each, then tickets and clocks, all in SQL. */
async function load(client: pg.Client): Promise<void> {
  await client.query("set synchronous_commit = off");
  await client.query("set maintenance_work_mem = '512MB'");
  await client.query(`
    create temporary table bench_org as
    select g - 1 as n, gen_random_uuid() as id, gen_random_uuid() as requester, a.id as agreement,
      (select v.id from "AgreementVersion" v where v."agreementId" = a.id order by v."validFrom" desc limit 1) as version
    from generate_series(1, ${ORGANIZATIONS}) g
    join (select id, row_number() over (order by key) - 1 as i, count(*) over () as c from "ServiceAgreement") a on a.i = (g - 1) % a.c`);
  await client.query(`
    insert into "Organization" (id, name, slug, "ticketPrefix", "agreementId", "monthlyFeeOre")
    select id, 'Bench kunde ' || n, 'bench-' || n, 'BK', agreement, 2000000 from bench_org`);
  await client.query(`
    insert into "User" (id, "organizationId", email, name, role)
    select requester, id, 'bench-' || n || '@bench.example', 'Bench ' || n, 'END_USER' from bench_org`);
  // Secondary indexes are built after the load (faster than maintaining them row by row), exactly as the migrations define them.
  const { rows: indexes } = await client.query<{ name: string; def: string }>(`
    select indexname as name, indexdef as def from pg_indexes
    where schemaname = 'public' and tablename in ('Ticket', 'SlaClock') and indexname not like '%_pkey'`);
  for (const i of indexes) await client.query(`drop index "${i.name}"`);
  const start = Date.parse("2025-12-01T00:00:00Z");
  const span = Date.parse("2026-12-01T00:00:00Z") - start;
  await client.query(`
    insert into "Ticket" (id, reference, "organizationId", "requesterId", "agreementVersionId", title, description, priority, status, channel, line, "slaExclusionReason", "createdAt", "updatedAt")
    select gen_random_uuid(), 'BK-' || g, o.id, o.requester, o.version, 'Sak ' || g, 'benchmark', (array['P1','P2','P3','P4'])[1 + g % 4]::"Priority",
      'CLOSED', 'PORTAL', 'L1', case when abs(hashtext('s' || g)) % 100 >= 98 then 'Feil i kundens AD-synkronisering' end, ts, ts
    from generate_series(1, ${TICKETS}) g
    join bench_org o on o.n = g % ${ORGANIZATIONS}
    cross join lateral (select to_timestamp((${start} + (g::float8 / ${TICKETS}) * ${span}) / 1000.0) as ts) t`);
  await client.query(`
    insert into "SlaClock" (id, "ticketId", metric, state, "targetMinutes", "startedAt", "dueAt", "usedMinutes", "stoppedAt", "breachedAt", "updatedAt")
    select gen_random_uuid(), t.id, 'RESPONSE', s.state::"ClockState", case when s.state = 'NOT_COVERED' then null else 120 end, t."createdAt",
      case when s.state = 'RUNNING' then t."createdAt" + interval '2 hours' end,
      case s.state when 'MET' then 60 when 'BREACHED' then 150 when 'RUNNING' then 90 else 0 end,
      case when s.state in ('MET', 'BREACHED') then t."createdAt" + interval '3 hours' end,
      case when s.state = 'BREACHED' then t."createdAt" + interval '2 hours' end,
      t."createdAt"
    from "Ticket" t
    cross join lateral (select abs(hashtext('s' || substr(t.reference, 4))) % 100 as r) h
    cross join lateral (select case when h.r < 85 then 'MET' when h.r < 92 then 'BREACHED' when h.r < 95 then 'RUNNING'
      when h.r < 96 then 'PAUSED' when h.r < 98 then 'NOT_COVERED' else 'EXCLUDED' end as state) s
    where t.reference like 'BK-%'`);
  for (const i of indexes) await client.query(i.def);
  // Downtime: two incidents per organisation in the month, one agreement-wide.
  const { from } = monthBounds(MONTH);
  await client.query(
    `
    insert into "Incident" (id, "organizationId", "agreementId", service, cause, "startedAt", "endedAt", counts, "exclusionReason")
    select gen_random_uuid(), o.id, o.agreement, 'Portal', 'benchmark', $1::timestamptz + (o.n % 28) * interval '1 day' + interval '10 hours' + k * interval '36 hours',
      $1::timestamptz + (o.n % 28) * interval '1 day' + interval '10 hours' + k * interval '36 hours' + (10 + o.n % 50) * interval '1 minute', k = 0, case when k = 1 then 'customer_caused' end
    from bench_org o cross join generate_series(0, 1) k`,
    [from],
  );
  await client.query(
    `
    insert into "Incident" (id, "agreementId", service, cause, "startedAt", "endedAt")
    select gen_random_uuid(), id, 'Datasenter', 'benchmark', $1::timestamptz + interval '10 days 12 hours', $1::timestamptz + interval '10 days 13 hours' from "ServiceAgreement"`,
    [from],
  );
  await client.query(`analyze`);
}

runScript(async () => {
  await preflight({ postgres: "server", redis: false });
  const url = new URL(readEnv().DATABASE_URL);
  url.pathname = `/hd_bench_report_${process.pid}`;
  const databaseUrl = url.toString();
  const client = new pg.Client({ connectionString: databaseUrl });
  let prisma: ReturnType<typeof createPrisma> | undefined;
  let connected = false;
  try {
    await ensureDatabase(databaseUrl);
    await migrate(databaseUrl);
    prisma = createPrisma(databaseUrl, 10);
    await seed(prisma);
    await client.connect();
    connected = true;
    const t0 = performance.now();
    await load(client);
    const loadMs = performance.now() - t0;
    const {
      rows: [count],
    } = await client.query<{ tickets: number; organizations: number }>(`select count(*)::int as tickets, count(distinct "organizationId")::int as organizations from "Ticket"`);
    console.log(`loaded ${count!.tickets} tickets across ${count!.organizations} organisations in ${round(loadMs / 1000)} s`);

    const { rows: orgs } = await client.query<{ id: string }>(`select id from "Organization" where slug like 'bench-%' order by slug`);
    const db = prisma;
    // Warm-up: connections, query plans, calendars.
    await computeMonthReports(db, { month: MONTH, now: NOW, organizationIds: [orgs[0]!.id] });
    await computeMonthReports(db, { month: MONTH, now: NOW });

    const oneOrg: number[] = [];
    let sample = null;
    for (let i = 0; i < ONE_ORG_RUNS; i++) {
      const id = orgs[(i * 37) % orgs.length]!.id;
      oneOrg.push(
        await time(async () => {
          sample = (await computeMonthReports(db, { month: MONTH, now: NOW, organizationIds: [id] }))[0]!.figures;
        }),
      );
    }
    const allOrgs: number[] = [];
    let reports = 0;
    for (let i = 0; i < ALL_ORG_RUNS; i++)
      allOrgs.push(
        await time(async () => {
          reports = (await computeMonthReports(db, { month: MONTH, now: NOW })).length;
        }),
      );

    // Reference: every ticket of the month with its clock, loaded through Prisma.
    const period = monthBounds(MONTH);
    let loaded = 0;
    const referenceMs = await time(async () => {
      loaded = (
        await db.ticket.findMany({
          where: { createdAt: { gte: period.from, lt: period.to } },
          select: { id: true, organizationId: true, slaExclusionReason: true, clocks: { select: { state: true, dueAt: true } } },
        })
      ).length;
    });

    const oneOrgMs = round(median(oneOrg));
    const allOrgsMs = round(median(allOrgs));
    const s = sample as unknown as { tickets: { registered: number; percent: number }; uptime: { percent: number }; credit: { percent: number | null } };
    console.log(
      `month ${MONTH}: one organisation (${s.tickets.registered} tickets, ${s.tickets.percent.toFixed(2)} % within target, uptime ${s.uptime.percent.toFixed(3)} %, credit ${s.credit.percent} %)`,
    );
    console.log(`  one organisation's month: median ${oneOrgMs} ms over ${ONE_ORG_RUNS} runs (min ${round(Math.min(...oneOrg))}, max ${round(Math.max(...oneOrg))}); target < 200 ms`);
    console.log(`  all ${reports} organisations' month: median ${allOrgsMs} ms over ${ALL_ORG_RUNS} runs; target < 10 000 ms`);
    console.log(`  reference: loading the month's ${loaded} tickets with their clocks through Prisma: ${round(referenceMs)} ms (${round(referenceMs / allOrgsMs)}× the all-organisations report)`);
    console.log(
      JSON.stringify({
        tickets: count!.tickets,
        organizations: count!.organizations,
        month: MONTH,
        loadMs: Math.round(loadMs),
        oneOrgMs,
        allOrgsMs,
        referenceLoadMonthMs: round(referenceMs),
        referenceRatio: round(referenceMs / allOrgsMs),
      }),
    );
  } finally {
    if (connected) await client.end();
    await prisma?.$disconnect();
    await dropDatabase(databaseUrl);
  }
});
