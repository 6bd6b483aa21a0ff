/**
 * PostgreSQL servers of the test's own (Debian's PostgreSQL binaries) on private loopback ports in
 * a throw-away directory (../shared/TEST-SERVICES.md): a primary alone that a test may stop and
 * start (startPrivatePostgres), or a primary with a streaming replica (`pg_basebackup -R`,
 * startPrimaryWithReplica). They run as the postgres user; stop() removes everything.
 */
import { execFile } from "node:child_process";
import { chown, mkdir, mkdtemp, rm, appendFile, writeFile, chmod, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./processes";

const run = promisify(execFile);

async function postgresBin(): Promise<string> {
  const versions = (await readdir("/usr/lib/postgresql")).sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error("No PostgreSQL binaries under /usr/lib/postgresql: apt-get install -y postgresql");
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

/** A PostgreSQL server of the test's own (no replica): stopped and started again at will. */
export interface PrivatePostgres {
  /** postgresql://…/<database> */
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: every connection is cut, as when the server goes away. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

interface Cluster {
  dir: string;
  bin: string;
  data: string;
  logs: string;
  port: number;
  asPostgres(command: string, args: string[]): Promise<unknown>;
  start(): Promise<void>;
  stopServer(): Promise<void>;
}

/** initdb, configured for loopback on a free port, trust, no fsync; `extra` lines join postgresql.conf. */
async function initCluster(extra: string[]): Promise<Cluster> {
  const bin = await postgresBin();
  const dir = await mkdtemp(join(tmpdir(), "hd-pg-"));
  await chmod(dir, 0o755);
  const [data, logs] = ["primary", "logs"].map((d) => join(dir, d)) as [string, string];
  const { stdout: ids } = await run("id", ["-u", "postgres"]);
  const { stdout: gids } = await run("id", ["-g", "postgres"]);
  for (const d of [data, logs, join(dir, "replica")]) {
    await mkdir(d, { mode: 0o700 });
    await chown(d, Number(ids), Number(gids));
  }
  const asPostgres = (command: string, args: string[]) => run("runuser", ["-u", "postgres", "--", join(bin, command), ...args], { cwd: "/tmp", timeout: 60_000 });
  const port = await freePort();
  try {
    await asPostgres("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"]);
    await appendFile(data + "/postgresql.conf", [`listen_addresses = '127.0.0.1'`, `port = ${port}`, `unix_socket_directories = ''`, "fsync = off", ...extra, ""].join("\n"));
    await writeFile(data + "/pg_hba.conf", "host all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n");
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    bin,
    data,
    logs,
    port,
    asPostgres,
    start: () => asPostgres("pg_ctl", ["-D", data, "-l", join(logs, "primary.log"), "-w", "start"]).then(() => undefined),
    stopServer: () => asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).then(() => undefined),
  };
}

/** A private PostgreSQL server with an empty `database` (tests/integration/faults.test.ts stops it mid-run). */
export async function startPrivatePostgres(database: string): Promise<PrivatePostgres> {
  const cluster = await initCluster([]);
  try {
    await cluster.start();
    await run("psql", ["-h", "127.0.0.1", "-p", String(cluster.port), "-U", "postgres", "-qc", `create database "${database}"`]);
  } catch (error) {
    await cluster.stopServer().catch(() => undefined);
    await rm(cluster.dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${cluster.port}/${database}`,
    port: cluster.port,
    stopServer: cluster.stopServer,
    startServer: cluster.start,
    async stop() {
      await cluster.stopServer().catch(() => undefined);
      await rm(cluster.dir, { recursive: true, force: true });
    },
  };
}

export interface PrimaryWithReplica {
  /** postgresql://…/<database> on the primary and on the replica. */
  primaryUrl: string;
  replicaUrl: string;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrimaryWithReplica(database: string): Promise<PrimaryWithReplica> {
  const primaryCluster = await initCluster(["wal_level = replica", "max_wal_senders = 5"]);
  const { dir, logs, asPostgres } = primaryCluster;
  const primary = primaryCluster.data;
  const replica = join(dir, "replica");
  const primaryPort = primaryCluster.port;
  const replicaPort = await freePort();
  const started: string[] = [];
  const stopCluster = (data: string) => asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).then(() => undefined);
  try {
    await primaryCluster.start();
    started.push(primary);
    await run("psql", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-qc", `create database "${database}"`]);
    await asPostgres("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", replica, "-R", "-X", "stream", "-c", "fast"]);
    await appendFile(replica + "/postgresql.conf", `port = ${replicaPort}\n`);
    await asPostgres("pg_ctl", ["-D", replica, "-l", join(logs, "replica.log"), "-w", "start"]);
    started.push(replica);
  } catch (error) {
    for (const data of started.reverse()) await stopCluster(data).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const url = (port: number) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    primaryUrl: url(primaryPort),
    replicaUrl: url(replicaPort),
    stopReplica: () => stopCluster(replica),
    startReplica: () => asPostgres("pg_ctl", ["-D", replica, "-l", join(logs, "replica.log"), "-w", "start"]).then(() => undefined),
    async stop() {
      await stopCluster(replica).catch(() => undefined);
      await stopCluster(primary).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
