/**
 * A Redis Cluster of the test's own: three masters (redis-server from Debian) on private loopback
 * ports with explicit bus ports, joined with `redis-cli --cluster create`, in a throw-away
 * directory; stop() shuts them down and removes it (../shared/TEST-SERVICES.md).
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Cluster } from "ioredis";
import { freePort, runToEnd, track, type RunningProcess } from "./processes";

export interface RedisClusterUnderTest {
  /** REDIS_URL for the app: every node, comma-separated. */
  url: string;
  ports: number[];
  /** A client of the test's own (stop() disconnects it). */
  client(): Cluster;
  /** Deletes every key on every master (what a lost or restarted cluster looks like). */
  flushAll(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisCluster(nodes = 3): Promise<RedisClusterUnderTest> {
  const dir = await mkdtemp(join(tmpdir(), "hd-redis-cluster-"));
  const ports: number[] = [];
  const servers: RunningProcess[] = [];
  const clients: Cluster[] = [];
  try {
    for (let n = 0; n < nodes; n++) {
      const [port, bus] = [await freePort(), await freePort()];
      ports.push(port);
      const args = ["--bind", "127.0.0.1", "--port", String(port), "--cluster-enabled", "yes", "--cluster-port", String(bus), "--cluster-config-file", `nodes-${port}.conf`];
      servers.push(track(spawn("redis-server", [...args, "--dir", dir, "--save", "", "--appendonly", "no", "--maxmemory-policy", "noeviction"], { stdio: ["ignore", "pipe", "pipe"] })));
    }
    await Promise.all(servers.map((s) => s.waitFor(/Ready to accept connections/, 10_000)));
    await runToEnd("redis-cli", ["--cluster", "create", ...ports.map((p) => `127.0.0.1:${p}`), "--cluster-replicas", "0", "--cluster-yes"]);
    const started = Date.now();
    while (!(await runToEnd("redis-cli", ["-p", String(ports[0]), "cluster", "info"])).includes("cluster_state:ok")) {
      if (Date.now() - started > 15_000) throw new Error("the Redis Cluster did not reach cluster_state:ok within 15 s");
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop("SIGKILL")));
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const url = ports.map((p) => `redis://127.0.0.1:${p}`).join(",");
  return {
    url,
    ports,
    client() {
      const client = new Cluster(ports.map((port) => ({ host: "127.0.0.1", port })));
      clients.push(client);
      return client;
    },
    async flushAll() {
      for (const port of ports) await runToEnd("redis-cli", ["-p", String(port), "flushall"]);
    },
    async stop() {
      for (const c of clients) c.disconnect();
      await Promise.all(servers.map((s) => s.stop("SIGTERM")));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
