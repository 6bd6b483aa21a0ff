/**
 * A PostgreSQL primary of the test's own with a streaming replica (Debian's PostgreSQL binaries,
 * `pg_basebackup -R`), on private loopback ports in a throw-away directory
 * (../shared/TEST-SERVICES.md). Both run as the postgres user; stop() removes everything.
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

export interface PrimaryWithReplica {
  /** postgresql://…/<database> on the primary and on the replica. */
  primaryUrl: string;
  replicaUrl: string;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrimaryWithReplica(database: string): Promise<PrimaryWithReplica> {
  const bin = await postgresBin();
  const dir = await mkdtemp(join(tmpdir(), "hd-pg-replica-"));
  await chmod(dir, 0o755);
  const [primary, replica, logs] = ["primary", "replica", "logs"].map((d) => join(dir, d)) as [string, string, string];
  const { stdout: ids } = await run("id", ["-u", "postgres"]);
  const { stdout: gids } = await run("id", ["-g", "postgres"]);
  for (const d of [primary, replica, logs]) {
    await mkdir(d, { mode: 0o700 });
    await chown(d, Number(ids), Number(gids));
  }
  const asPostgres = (command: string, args: string[]) => run("runuser", ["-u", "postgres", "--", join(bin, command), ...args], { cwd: "/tmp", timeout: 60_000 });
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stopCluster = (data: string) => asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).then(() => undefined);
  try {
    await asPostgres("initdb", ["-D", primary, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"]);
    await appendFile(
      primary + "/postgresql.conf",
      [`listen_addresses = '127.0.0.1'`, `port = ${primaryPort}`, `unix_socket_directories = ''`, "wal_level = replica", "max_wal_senders = 5", "fsync = off", ""].join("\n"),
    );
    await writeFile(primary + "/pg_hba.conf", "host all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n");
    await asPostgres("pg_ctl", ["-D", primary, "-l", join(logs, "primary.log"), "-w", "start"]);
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
