/**
 * npm run bench:attachments [-- --files N]: uploads N files (1,000 by default) of mixed sizes,
 * 10 KB to 10 MB (log-uniform, every file's bytes distinct), through the REST API of the built
 * app (`next build` first; `node scripts/start.mjs`), 8 at a time, once with the PostgreSQL store
 * and once with the disk store; and, as the disk store's reference, a plain `cp` of the same bytes.
 * Each upload is a staff reply with one file on a ticket of its own worker (no lock contention
 * between workers). Prints MB/s and per-upload p50/p99 per store; JSON last:
 * {files, postgresMBps, diskMBps, cpMBps, p99Ms, ...}.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropDatabase, ensureDatabase } from "../lib/server/db/admin";
import { migrate } from "../lib/server/db/migrations";
import { createPrisma } from "../lib/server/db/prisma";
import { seed } from "../lib/server/db/seed";
import { readEnv } from "../lib/config/env";
import { createApiToken } from "../lib/server/tokens/create-api-token";
import { deleteKeys } from "../tests/support/redis-keys";
import { runScript } from "../scripts/run-script";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FILES = arg("files", 1000);
const PARALLEL = arg("parallel", 8);
const PORT = arg("port", 3190);
const MIN = 10 * 1024;
const MAX = 10 * 1024 * 1024;
const MB = 1024 * 1024;
const round = (x: number) => Math.round(x * 10) / 10;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Sizes log-uniform between 10 KB and 10 MB, the same every run. */
function sizes(n: number): number[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => Math.round(MIN * Math.exp(next() * Math.log(MAX / MIN))));
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the app exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the app did not start within 2 minutes");
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

runScript(async () => {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("Building the app (next build) …");
    if (spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } }).status !== 0) throw new Error("next build failed");
  }
  const env = readEnv();
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/hd_bench_attachments_${process.pid}`;
  const databaseUrl = url.toString();
  const prefix = `hd-bench-attachments-${randomBytes(4).toString("hex")}`;
  const work = await mkdtemp(join(tmpdir(), "bench-attachments-"));
  const source = join(work, "source");
  await mkdir(source);
  const prisma = createPrisma(databaseUrl, 4);
  try {
    await ensureDatabase(databaseUrl);
    await migrate(databaseUrl);
    await seed(prisma);
    const ctx = { prisma, now: () => new Date() };
    const staff = (await createApiToken({ input: { email: "lise@servicedesk.example" }, ctx })).token;
    const customer = (await createApiToken({ input: { email: "kari@nordlys.example" }, ctx })).token;

    // The files: a random pool, each file a slice of it after a prefix of its own, so every hash differs.
    const pool = randomBytes(MAX);
    const plan = sizes(FILES).map((size, i) => ({ name: `file-${String(i).padStart(5, "0")}.bin`, size }));
    const bytesOf = (i: number, run: string) => {
      const head = Buffer.from(`${run}:${i}:`.padEnd(32, "."));
      return Buffer.concat([head, pool.subarray(0, plan[i]!.size - head.length)]);
    };
    const totalBytes = plan.reduce((s, f) => s + f.size, 0);
    console.log(
      `${FILES} files, ${round(totalBytes / MB)} MB in all (median ${round(
        percentile(
          plan.map((f) => f.size),
          50,
        ) / 1024,
      )} KB), ${PARALLEL} uploads at a time`,
    );

    // The reference: the same bytes copied by cp, file system to file system.
    for (let i = 0; i < FILES; i++) await writeFile(join(source, plan[i]!.name), bytesOf(i, "cp"));
    const copy = join(work, "copy");
    const cpStart = performance.now();
    if (spawnSync("cp", ["-r", source, copy], { stdio: "inherit" }).status !== 0) throw new Error("cp failed");
    spawnSync("sync");
    const cpSeconds = (performance.now() - cpStart) / 1000;
    const cpMBps = totalBytes / MB / cpSeconds;
    console.log(`cp -r: ${round(cpMBps)} MB/s (${round(cpSeconds)} s)`);
    await rm(copy, { recursive: true, force: true });

    const results: Record<string, { MBps: number; p50: number; p99: number }> = {};
    for (const store of ["postgres", "disk"] as const) {
      const dir = join(work, "attachments");
      const server = spawn("node", ["scripts/start.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
        stdio: ["ignore", "ignore", "inherit"],
        env: {
          ...process.env,
          NODE_OPTIONS: (process.env.NODE_OPTIONS ?? "").replace("--conditions=react-server", "").trim(),
          DATABASE_URL: databaseUrl,
          REDIS_PREFIX: prefix,
          NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
          NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
          APP_URL: `http://127.0.0.1:${PORT}`,
          API_RATE_LIMIT_PER_MINUTE: "1000000",
          ATTACHMENT_STORE: store,
          ATTACHMENT_DIR: dir,
          NEXT_TELEMETRY_DISABLED: "1",
        },
      });
      try {
        const base = `http://127.0.0.1:${PORT}`;
        await waitForHealth(base, server);
        // One ticket per worker, so the workers never wait on each other's ticket lock.
        const tickets: string[] = [];
        for (let w = 0; w < PARALLEL; w++) {
          const r = await fetch(`${base}/api/v1/tickets`, {
            method: "POST",
            headers: { authorization: `Bearer ${customer}`, "content-type": "application/json" },
            body: JSON.stringify({ title: `bench ${store} ${w}`, description: "x", priority: "P4" }),
          });
          tickets.push(((await r.json()) as { id: string }).id);
        }
        const upload = async (i: number, ticket: string) => {
          const form = new FormData();
          form.append("type", "note");
          form.append("body", `file ${i}`);
          form.append("files", new Blob([new Uint8Array(bytesOf(i, store))]), plan[i]!.name);
          const t0 = performance.now();
          const r = await fetch(`${base}/api/v1/tickets/${ticket}/events`, { method: "POST", headers: { authorization: `Bearer ${staff}` }, body: form });
          await r.arrayBuffer();
          if (r.status !== 200) throw new Error(`upload ${i} answered ${r.status}`);
          return performance.now() - t0;
        };
        await upload(0, tickets[0]!); // warm-up (first request compiles routes); not counted
        const latencies: number[] = [];
        let nextFile = 0;
        const start = performance.now();
        await Promise.all(
          tickets.map(async (ticket) => {
            for (let i = nextFile++; i < FILES; i = nextFile++) latencies.push(await upload(i, ticket));
          }),
        );
        const seconds = (performance.now() - start) / 1000;
        results[store] = { MBps: totalBytes / MB / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
        console.log(`${store}: ${round(results[store].MBps)} MB/s (${round(seconds)} s), per upload p50 ${Math.round(results[store].p50)} ms, p99 ${Math.round(results[store].p99)} ms`);
      } finally {
        await stop(server);
      }
    }
    const stored = await prisma.attachment.count();
    console.log(`attachments recorded: ${stored} (expected ${2 * (FILES + 1)})`);
    console.log(
      JSON.stringify({
        files: FILES,
        postgresMBps: round(results.postgres!.MBps),
        diskMBps: round(results.disk!.MBps),
        cpMBps: round(cpMBps),
        p99Ms: Math.round(Math.max(results.postgres!.p99, results.disk!.p99)),
        postgresP99Ms: Math.round(results.postgres!.p99),
        diskP99Ms: Math.round(results.disk!.p99),
        diskVsCp: round(results.disk!.MBps / cpMBps),
      }),
    );
  } finally {
    await prisma.$disconnect();
    await dropDatabase(databaseUrl);
    await deleteKeys(env.REDIS_URL, prefix);
    await rm(work, { recursive: true, force: true });
  }
});
