/**
 * npm run bench:queue [-- --open N --closed N --runs N --port P --build --keep]: the agents' queue, search and
 * ticket page at scale (issue 19). A database of its own (migrated, seeded) gets 100,000 open and
 * 1,000,000 closed tickets across 200 customer organisations, loaded in SQL with generate_series:
 * tickets with words to search for, their response clocks, events with text (a reply on every
 * ticket, an internal note on some) and their search vectors, as the triggers would have written
 * them. Then the production build (`next build` unless .next holds one) is started with
 * scripts/start.mjs on a private port with that database, a 1st-line agent signs in (password over
 * HTTP, then the second step: the demo TOTP code checked by the two-factor use case, the session
 * completed as /signin/two-factor does), and each page is fetched `--runs` times one after
 * another: the first queue page (/arbeid), a full-text search (/arbeid?q=…) and ticket pages
 * (/arbeid/saker/:id). The same queries in plain SQL are timed in the same run as the reference.
 * Prints p50/p95 per page and the JSON last line {queueP95Ms, searchP95Ms, ticketP95Ms, openTickets,
 * closedTickets}. Target: p95 under 150 ms each. The database and Redis keys are removed at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { decode } from "next-auth/jwt";
import { readEnv } from "../lib/config/env";
import { preflight } from "../lib/server/preflight";
import { dropDatabase, ensureDatabase } from "../lib/server/db/admin";
import { migrate } from "../lib/server/db/migrations";
import { createPrisma } from "../lib/server/db/prisma";
import { seed } from "../lib/server/db/seed";
import { DEMO_PASSWORD, demoTotpSecret } from "../lib/server/db/demo-data";
import { totpCodeAt } from "../lib/server/two-factor/totp";
import { verifySecondFactor } from "../lib/server/two-factor/verify-second-factor";
import { completeSecondFactor } from "../lib/server/auth/sessions";
import { createRedis } from "../lib/server/redis";
import { deleteKeys } from "../tests/support/redis-keys";
import { runScript } from "../scripts/run-script";
import { ensureBuilt, waitForHealth } from "./support/web-server";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const OPEN = arg("open", 100_000);
const CLOSED = arg("closed", 1_000_000);
const RUNS = arg("runs", 60);
const PORT = arg("port", 3241);
const ORGANIZATIONS = 200;
const AGENT = "lise@servicedesk.example";
/** Two words an agent might type: a common one and a machine name (pc0..pc4999). */
const SEARCH = "skriveren pc4711";
const log = (line: string) => console.log(`[bench:queue] ${line}`);
const round = (x: number) => Math.round(x * 10) / 10;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** Words of ticket texts, Norwegian and English, so search has stems to match in both configurations. */
const WORDS = [
  "skriveren",
  "printeren",
  "e-posten",
  "outlook",
  "vpn",
  "nettverket",
  "passordet",
  "tilgangen",
  "teams",
  "sharepoint",
  "lisensen",
  "skjermen",
  "tastaturet",
  "mobilen",
  "wifi",
  "serveren",
  "backupen",
  "brannmuren",
  "fakturaen",
  "lønnssystemet",
  "regnskapet",
  "lagerappen",
  "kassa",
  "telefonen",
  "møterommet",
  "projektoren",
  "synkroniseringen",
  "innloggingen",
  "oppdateringen",
  "kalenderen",
  "printer",
  "mailbox",
  "network",
  "password",
  "license",
  "screen",
  "keyboard",
  "laptop",
  "invoice",
  "update",
];
const sqlWords = `array[${WORDS.map((w) => `'${w}'`).join(",")}]`;
const word = (expr: string) => `(${sqlWords})[1 + (${expr}) % ${WORDS.length}]`;

async function load(client: pg.Client): Promise<void> {
  const total = OPEN + CLOSED;
  const started = performance.now();
  await client.query("set synchronous_commit = off");
  await client.query("set maintenance_work_mem = '512MB'");
  // Bulk load: the search triggers and foreign keys are left out (session_replication_role), the
  // vectors are written below exactly as ticket_search_refresh would, and the indexes are built after.
  await client.query("set session_replication_role = replica");
  await client.query(`
    create temporary table bench_org as
    select g - 1 as n, gen_random_uuid() as id, gen_random_uuid() as requester, a.id as agreement,
      (select v.id from "AgreementVersion" v where v."agreementId" = a.id order by v."validFrom" desc limit 1) as version
    from generate_series(1, ${ORGANIZATIONS}) g
    join (select id, row_number() over (order by key) - 1 as i, count(*) over () as c from "ServiceAgreement") a on a.i = (g - 1) % a.c`);
  await client.query(`
    insert into "Organization" (id, name, slug, "ticketPrefix", "agreementId", "monthlyFeeOre")
    select id, 'Bench kunde ' || n, 'bench-' || n, 'BQ', agreement, 2000000 from bench_org`);
  await client.query(`
    insert into "User" (id, "organizationId", email, name, role)
    select requester, id, 'bruker' || n || '@bench' || n || '.example', 'Bench Bruker ' || n, 'END_USER' from bench_org`);
  const { rows: indexes } = await client.query<{ name: string; def: string }>(`
    select indexname as name, indexdef as def from pg_indexes
    where schemaname = 'public' and tablename in ('Ticket', 'SlaClock', 'TicketEvent', 'TicketSearch') and indexname not like '%_pkey'`);
  for (const i of indexes) await client.query(`drop index "${i.name}"`);

  // g = 1..CLOSED are closed (over the past year), the rest open (the past 30 days), newest last.
  const now = Date.now();
  await client.query(`
    create temporary table bench_ticket as
    select g, gen_random_uuid() as id, o.id as org, o.requester, o.version, o.n as org_n,
      g > ${CLOSED} as open,
      case when g > ${CLOSED} then to_timestamp((${now} - 30 * 86400000.0 + ((g - ${CLOSED})::float8 / ${Math.max(1, OPEN)}) * 30 * 86400000.0 - 600000) / 1000.0)
           else to_timestamp((${now} - 400 * 86400000.0 + (g::float8 / ${Math.max(1, CLOSED)}) * 365 * 86400000.0) / 1000.0) end as at,
      'Problem med ' || ${word("g * 7")} || ' og ' || ${word("g * 13 + 3")} || ' på pc' || (g % 5000) as title,
      ${word("g * 17 + 5")} || ' virker ikke etter ' || ${word("g * 19 + 11")} || '. Feilkode ' || (g % 997) || ', gjelder flere brukere.' as description,
      'Vi har sett på ' || ${word("g * 23 + 2")} || ' og startet ' || ${word("g * 29 + 7")} || ' på nytt. Si fra om det fortsatt ikke virker.' as reply,
      case when g % 10 = 0 then 'Intern merknad: ' || ${word("g * 31 + 1")} || ' må byttes, bestilt hos leverandør ' || (g % 50) || '.' end as note
    from generate_series(1, ${total}) g
    join bench_org o on o.n = g % ${ORGANIZATIONS}`);
  await client.query(`
    insert into "Ticket" (id, reference, "organizationId", "requesterId", "agreementVersionId", title, description, priority, status, channel, line, "createdAt", "updatedAt", "solvedAt", "closedAt")
    select id, 'BQ-' || g, org, requester, version, title, description, (array['P1','P2','P3','P4'])[1 + g % 4]::"Priority",
      (case when not open then 'CLOSED' else (array['NEW','OPEN','IN_PROGRESS','WAITING_FOR_CUSTOMER','NEW'])[1 + g % 5] end)::"TicketStatus",
      'PORTAL', (case when g % 10 < 7 then 'L1' when g % 10 < 9 then 'L2' else 'L3' end)::"SupportLine", at, at,
      case when not open then at + interval '1 day' end, case when not open then at + interval '6 days' end
    from bench_ticket`);
  await client.query(`
    insert into "SlaClock" (id, "ticketId", metric, state, "targetMinutes", "startedAt", "dueAt", "usedMinutes", "stoppedAt", "breachedAt", "updatedAt")
    select gen_random_uuid(), id, 'RESPONSE', s.state::"ClockState", 240, at,
      case when s.state = 'RUNNING' then at + (60 + g % 600) * interval '1 minute' end,
      case s.state when 'MET' then 60 when 'BREACHED' then 300 when 'RUNNING' then 30 else 0 end,
      case when s.state in ('MET', 'BREACHED') then at + interval '3 hours' end,
      case when s.state = 'BREACHED' then at + interval '4 hours' end, at
    from bench_ticket
    cross join lateral (select case when open and g % 5 <> 2 then (case when g % 5 = 3 then 'PAUSED' else 'RUNNING' end)
      when g % 13 = 0 then 'BREACHED' else 'MET' end as state) s`);
  await client.query(`
    insert into "TicketEvent" ("ticketId", type, "actorId", at, data)
    select id, 'REGISTERED'::"TicketEventType", requester, at, '{}'::jsonb from bench_ticket where open
    union all
    select id, 'PUBLIC_REPLY'::"TicketEventType", null::uuid, at + interval '30 minutes', jsonb_build_object('body', reply, 'visibility', 'PUBLIC') from bench_ticket
    union all
    select id, 'INTERNAL_NOTE'::"TicketEventType", null::uuid, at + interval '40 minutes', jsonb_build_object('body', note, 'visibility', 'INTERNAL') from bench_ticket where note is not null`);
  // The vectors ticket_search_refresh would write (the same lexemes in both configurations and the
  // same weights; positions within a field may differ), put together from the vectors of the
  // texts' pieces: a ticket's text is made of 40 words, a few fixed phrases and numbers, and
  // joining vectors is far cheaper than parsing and stemming 1.1 million texts.
  await client.query(`create temporary table bench_word as select i::int as i, search_vector(w, 'D') as v from unnest(${sqlWords}) with ordinality u(w, i)`);
  await client.query(`create temporary table bench_number as select n, search_vector('pc' || n, 'D') as pc, search_vector(n::text, 'D') as num from generate_series(0, 4999) n`);
  await client.query(
    `create temporary table bench_phrase as select ${[
      ["problem", "Problem med"],
      ["og", "og"],
      ["paa", "på"],
      ["virker", "virker ikke etter"],
      ["feil", "Feilkode"],
      ["gjelder", "gjelder flere brukere"],
      ["vi", "Vi har sett på"],
      ["startet", "og startet"],
      ["nytt", "på nytt. Si fra om det fortsatt ikke virker."],
      ["intern", "Intern merknad:"],
      ["bytt", "må byttes, bestilt hos leverandør"],
    ]
      .map(([name, text]) => `search_vector('${text}', 'D') as ${name}`)
      .join(", ")}`,
  );
  await client.query(
    `create temporary table bench_requester as select n, search_vector('Bench Bruker ' || n || ' bruker' || n || '@bench' || n || '.example bruker' || n || ' bench' || n || '.example Bench kunde ' || n, 'D') as v from bench_org`,
  );
  await client.query(`
    insert into "TicketSearch" ("ticketId", "publicVector", "staffVector")
    select b.id, v.pub, case when b.note is null then v.pub else v.pub || setweight(p.intern || wh.v || p.bytt || lev.num, 'D') end
    from bench_ticket b
    cross join bench_phrase p
    join bench_requester r on r.n = b.org_n
    join bench_word wa on wa.i = 1 + (b.g * 7) % ${WORDS.length}
    join bench_word wb on wb.i = 1 + (b.g * 13 + 3) % ${WORDS.length}
    join bench_word wc on wc.i = 1 + (b.g * 17 + 5) % ${WORDS.length}
    join bench_word wd on wd.i = 1 + (b.g * 19 + 11) % ${WORDS.length}
    join bench_word we on we.i = 1 + (b.g * 23 + 2) % ${WORDS.length}
    join bench_word wf on wf.i = 1 + (b.g * 29 + 7) % ${WORDS.length}
    join bench_word wh on wh.i = 1 + (b.g * 31 + 1) % ${WORDS.length}
    join bench_number pc on pc.n = b.g % 5000
    join bench_number code on code.n = b.g % 997
    join bench_number lev on lev.n = b.g % 50
    cross join lateral (select
      setweight(format('bq:1,4 %s:3,5 %s:2', quote_literal('-' || b.g), quote_literal(b.g::text))::tsvector || p.problem || wa.v || p.og || wb.v || p.paa || pc.pc, 'A')
      || setweight(wc.v || p.virker || wd.v || p.feil || code.num || p.gjelder || r.v, 'B')
      || setweight(p.vi || we.v || p.startet || wf.v || p.nytt, 'C') as pub) v`);
  log(`rows written in ${round((performance.now() - started) / 1000)} s, building ${indexes.length} indexes …`);
  for (const i of indexes) await client.query(i.def);
  await client.query("set session_replication_role = origin");
  await client.query("analyze");
}

/** The cookies a response sets, as name → value. */
function cookiesOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    out[pair!.slice(0, i)] = pair!.slice(i + 1);
  }
  return out;
}
const cookieHeader = (cookies: Record<string, string>) =>
  Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");

interface Timing {
  p50: number;
  p95: number;
}
const timingOf = (xs: number[]): Timing => ({ p50: round(percentile(xs, 0.5)), p95: round(percentile(xs, 0.95)) });

runScript(async () => {
  await preflight({ postgres: "server", redis: true });
  ensureBuilt(log, process.argv.includes("--build"));
  const env = readEnv();
  const url = new URL(env.DATABASE_URL);
  const dbName = `hd_bench_queue_${process.pid}`;
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const prefix = `hd-bench-queue-${randomBytes(4).toString("hex")}`;
  const secretsKey = randomBytes(32).toString("base64");
  const nextAuthSecret = randomBytes(32).toString("base64url");
  const base = `http://127.0.0.1:${PORT}`;
  const prisma = createPrisma(databaseUrl, 2);
  const client = new pg.Client({ connectionString: databaseUrl });
  const redis = createRedis();
  let server: ChildProcess | undefined;
  let connected = false;
  try {
    await ensureDatabase(databaseUrl);
    await migrate(databaseUrl);
    await seed(prisma, new Date(), { secretsKey });
    await client.connect();
    connected = true;
    const t0 = performance.now();
    await load(client);
    const counts = (
      await client.query<{ open: number; closed: number; events: number }>(`
      select count(*) filter (where status <> 'CLOSED')::int as open, count(*) filter (where status = 'CLOSED')::int as closed,
        (select count(*)::int from "TicketEvent") as events from "Ticket" where reference like 'BQ-%'`)
    ).rows[0]!;
    log(
      `loaded ${counts.open} open and ${counts.closed} closed tickets, ${counts.events} events, across ${ORGANIZATIONS} organisations in ${round((performance.now() - t0) / 1000)} s (database ${dbName})`,
    );

    server = spawn("node", ["scripts/start.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        REDIS_PREFIX: prefix,
        SECRETS_KEY: secretsKey,
        NEXTAUTH_SECRET: nextAuthSecret,
        NEXTAUTH_URL: base,
        APP_URL: base,
      },
    });
    await waitForHealth(base, server);

    // Sign in: the password over HTTP, as the sign-in page posts it; then the second step.
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const csrfCookies = cookiesOf(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrfCookies), origin: base },
      body: new URLSearchParams({ csrfToken, email: AGENT, password: DEMO_PASSWORD, callbackUrl: `${base}/arbeid`, json: "true" }),
    });
    const session = cookiesOf(signedIn)["next-auth.session-token"];
    if (!session) throw new Error(`sign-in failed: ${signedIn.status}`);
    const token = await decode({ token: session, secret: nextAuthSecret });
    if (typeof token?.sub !== "string" || typeof token.sid !== "string") throw new Error("the session token has no user or session id");
    const second = await verifySecondFactor({ userId: token.sub, code: await totpCodeAt(demoTotpSecret(AGENT), new Date()), ctx: { prisma, now: () => new Date(), secretsKey } });
    if (!second.ok || !(await completeSecondFactor({ redis, prefix }, token.sid, token.sub))) throw new Error("the second sign-in step failed");
    const headers = { cookie: cookieHeader({ "next-auth.session-token": session }) };

    const page = async (path: string, marker: string): Promise<number> => {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, { headers, redirect: "manual" });
      const html = await response.text();
      const ms = performance.now() - started;
      if (response.status !== 200 || !html.includes(marker)) throw new Error(`${path} answered ${response.status} without ${marker}`);
      return ms;
    };
    const sample = async (paths: () => string, marker: string): Promise<number[]> => {
      for (let i = 0; i < 3; i++) await page(paths(), marker); // warm-up: compiled routes, plan caches
      const out: number[] = [];
      for (let i = 0; i < RUNS; i++) out.push(await page(paths(), marker));
      return out;
    };
    const sqlSample = async (text: string, params: (i: number) => unknown[]): Promise<number[]> => {
      for (let i = 0; i < 3; i++) await client.query(text, params(i));
      const out: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await client.query(text, params(i));
        out.push(performance.now() - started);
      }
      return out;
    };

    const ticketIds = (await client.query<{ id: string }>(`select id from "Ticket" where status <> 'CLOSED' and line = 'L1' and reference like 'BQ-%' order by random() limit ${RUNS + 3}`)).rows.map(
      (r) => r.id,
    );
    let next = 0;
    const queue = timingOf(await sample(() => "/arbeid", 'data-testid="queue-row"'));
    const search = timingOf(await sample(() => `/arbeid?q=${encodeURIComponent(SEARCH)}`, 'data-testid="search-snippet"'));
    const ticket = timingOf(await sample(() => `/arbeid/saker/${ticketIds[next++ % ticketIds.length]}`, 'data-testid="organization"'));

    // The reference: the same reads in plain SQL (no HTTP, no rendering, no session).
    const sqlQueue = timingOf(
      await sqlSample(
        `select c."ticketId" from "SlaClock" c join "Ticket" t on t.id = c."ticketId"
         where c.metric = 'RESPONSE' and t.line = 'L1' and t.status not in ('SOLVED', 'CLOSED')
         order by c."dueAt" asc nulls last, c.state asc, t."createdAt" asc, c."ticketId" asc limit 26`,
        () => [],
      ),
    );
    const sqlSearch = timingOf(
      await sqlSample(
        `with query as (select search_query($1) as q),
         hits as (select s."ticketId" as id from "TicketSearch" s, query where s."staffVector" @@ query.q union select id from "Ticket" where reference = upper($1))
         select t.id from hits join "Ticket" t on t.id = hits.id join "TicketSearch" s on s."ticketId" = t.id cross join query
         order by (t.reference = upper($1)) desc, ts_rank_cd(s."staffVector", query.q) desc, t."createdAt" desc, t.id desc limit 51`,
        () => [SEARCH],
      ),
    );
    const sqlTicket = timingOf(
      await sqlSample(`select t.*, (select json_agg(e order by e.id) from "TicketEvent" e where e."ticketId" = t.id) as events from "Ticket" t where t.id = $1`, (i) => [
        ticketIds[i % ticketIds.length],
      ]),
    );
    const line = (name: string, http: Timing, sql: Timing) =>
      log(
        `${name.padEnd(22)} HTTP p50 ${String(http.p50).padStart(6)} ms  p95 ${String(http.p95).padStart(6)} ms   plain SQL p50 ${String(sql.p50).padStart(6)} ms  p95 ${String(sql.p95).padStart(6)} ms   (HTTP/SQL p95 ${round(http.p95 / Math.max(0.1, sql.p95))}×)`,
      );
    log(`${RUNS} requests each, one at a time, as ${AGENT} (1st line), target p95 < 150 ms:`);
    line("first queue page", queue, sqlQueue);
    line(`search "${SEARCH}"`, search, sqlSearch);
    line("ticket page", ticket, sqlTicket);
    console.log(JSON.stringify({ queueP95Ms: queue.p95, searchP95Ms: search.p95, ticketP95Ms: ticket.p95, openTickets: counts.open, closedTickets: counts.closed }));
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    if (connected) await client.end();
    await prisma.$disconnect();
    redis.disconnect();
    if (process.argv.includes("--keep")) log(`kept the database ${dbName} (--keep): drop it when done`);
    else await dropDatabase(databaseUrl);
    await deleteKeys(env.REDIS_URL, prefix);
  }
});
