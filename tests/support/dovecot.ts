/**
 * A private Dovecot IMAP server for a test or a bench (TEST-SERVICES.md): a free loopback port
 * chosen at run time, a throw-away directory with its config, mail and logs, and the users the
 * caller names (password = the given one). Mail is delivered with IMAP APPEND (imapflow) at an
 * INTERNALDATE the caller chooses. stop() runs `doveadm stop` and removes the directory.
 *
 * Started as `nobody` when run as root (as in CI); otherwise as the current user.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, closeSync, openSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { ImapFlow } from "imapflow";
import { freePort } from "./processes";

export interface DovecotUser {
  user: string;
  password: string;
}

export interface Dovecot {
  host: string;
  port: number;
  dir: string;
  /** Adds a login (passwd-file is re-read by Dovecot when it changes). */
  addUser(user: string, password: string): void;
  /** APPENDs one raw message to the user's INBOX (or `folder`) at `internalDate`; answers its UID. */
  appendMail(user: string, raw: string | Buffer, options: { internalDate: Date; folder?: string; flags?: string[] }): Promise<number>;
  /** A connected imapflow client of the user's own (the caller logs it out). */
  connect(user: string): Promise<ImapFlow>;
  /** Drops every IMAP connection of the user, as a server restart or a network break would. */
  kick(user: string): void;
  /** Dovecot's log, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/** Runs a Dovecot binary as the service user, all three stdio redirected (dovecot keeps a caller's stderr open after it daemonizes). */
function runAs(asRoot: boolean, user: string, command: string, args: string[], stderrFile: string): { status: number | null; stderr: string } {
  const [file, argv] = asRoot ? ["runuser", ["-u", user, "--", command, ...args]] : [command, args];
  // stderr to a file, never a pipe: a pipe would be held open by the daemon and the call would hang.
  const fd = openSync(stderrFile, "a");
  try {
    const result = spawnSync(file, argv, { stdio: ["ignore", "ignore", fd], timeout: 30_000 });
    return { status: result.status, stderr: result.status === 0 ? "" : safeRead(stderrFile) };
  } finally {
    closeSync(fd);
  }
}

export async function startDovecot(users: DovecotUser[]): Promise<Dovecot> {
  const which = spawnSync("sh", ["-c", "command -v dovecot"], { stdio: "ignore" });
  if (which.status !== 0) throw new Error("dovecot is not installed: apt-get install -y dovecot-imapd (.ci/run does it)");
  const asRoot = process.getuid?.() === 0;
  const serviceUser = asRoot ? "nobody" : userInfo().username;
  const serviceGroup = asRoot ? "nogroup" : (spawnSync("id", ["-gn"], { encoding: "utf8" }).stdout ?? "").trim();
  const base = mkdtempSync(join(tmpdir(), "hd-dovecot-"));
  chmodSync(base, 0o755);
  const dir = join(base, "dovecot");
  mkdirSync(dir);
  const port = await freePort();
  const conf = join(dir, "dovecot.conf");
  const usersFile = join(dir, "users");
  writeFileSync(
    conf,
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = hd-test-${port}
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${serviceUser}
default_internal_group = ${serviceGroup}
default_login_user = ${serviceUser}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${usersFile}
}
userdb {
  driver = static
  args = uid=${serviceUser} gid=${serviceGroup} home=${dir}/mail/%d/%n
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  writeFileSync(usersFile, users.map((u) => `${u.user}:{PLAIN}${u.password}\n`).join(""));
  const passwords = new Map(users.map((u) => [u.user, u.password]));
  const chownAll = () => {
    if (!asRoot) return;
    spawnSync("chown", ["-R", `${serviceUser}:${serviceGroup}`, dir], { stdio: "ignore" });
  };
  chownAll();

  const started = runAs(asRoot, serviceUser, "dovecot", ["-c", conf], join(base, "stderr.log"));
  if (started.status !== 0) throw new Error(`dovecot did not start (${started.status}): ${started.stderr}`);
  // Readiness: a real authentication, not a port probe (TEST-SERVICES.md).
  const probe = users[0] ?? { user: "probe@hd.test", password: "probe" };
  if (!users[0]) {
    appendFileSync(usersFile, `${probe.user}:{PLAIN}${probe.password}\n`);
    chownAll();
  }
  const readyBy = Date.now() + 15_000;
  while (runAs(asRoot, serviceUser, "doveadm", ["-c", conf, "auth", "test", probe.user, probe.password], join(base, "doveadm.log")).status !== 0) {
    if (Date.now() > readyBy) throw new Error(`dovecot did not become ready: ${safeRead(join(dir, "dovecot.log"))}`);
    await new Promise((r) => setTimeout(r, 50));
  }

  const clients = new Map<string, Promise<ImapFlow>>();
  const connect = async (user: string): Promise<ImapFlow> => {
    const password = passwords.get(user);
    if (password === undefined) throw new Error(`no Dovecot user ${user}`);
    const client = new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user, pass: password }, logger: false, disableAutoIdle: true });
    client.on("error", () => undefined);
    await client.connect();
    return client;
  };

  return {
    host: "127.0.0.1",
    port,
    dir,
    addUser(user, password) {
      passwords.set(user, password);
      appendFileSync(usersFile, `${user}:{PLAIN}${password}\n`);
      if (asRoot) chownSync(usersFile, uidOf(serviceUser), gidOf(serviceGroup));
    },
    async appendMail(user, raw, { internalDate, folder = "INBOX", flags = [] }) {
      let client = clients.get(user);
      // A new connection when there is none, or the last one was dropped (kick).
      if (!client || !(await client.catch(() => null))?.usable) {
        client = connect(user);
        clients.set(user, client);
      }
      const appended = await (await client).append(folder, raw, flags, internalDate).catch(async (error: unknown) => {
        // The connection was dropped under it (kick): once more on a new one.
        const fresh = connect(user);
        clients.set(user, fresh);
        if ((await client).usable) throw error;
        return (await fresh).append(folder, raw, flags, internalDate);
      });
      if (!appended) throw new Error(`APPEND to ${user}/${folder} was refused`);
      return appended.uid ?? -1;
    },
    connect,
    kick(user) {
      const kicked = runAs(asRoot, serviceUser, "doveadm", ["-c", conf, "kick", user], join(base, "doveadm.log"));
      if (kicked.status !== 0) throw new Error(`doveadm kick ${user} failed: ${kicked.stderr}`);
    },
    log: () => safeRead(join(dir, "dovecot.log")),
    async stop() {
      for (const pending of clients.values()) {
        const c = await pending.catch(() => null);
        if (c) await Promise.race([c.logout().catch(() => undefined), new Promise((r) => setTimeout(r, 1_000))]);
        c?.close();
      }
      clients.clear();
      await new Promise<void>((resolve) => {
        const [file, argv] = asRoot ? ["runuser", ["-u", serviceUser, "--", "doveadm", "-c", conf, "stop"]] : ["doveadm", ["-c", conf, "stop"]];
        const child = spawn(file, argv, { stdio: "ignore" });
        child.on("exit", () => resolve());
        child.on("error", () => resolve());
      });
      rmSync(base, { recursive: true, force: true });
    },
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function uidOf(user: string): number {
  return Number((spawnSync("id", ["-u", user], { encoding: "utf8" }).stdout ?? "").trim());
}
function gidOf(group: string): number {
  return Number((spawnSync("getent", ["group", group], { encoding: "utf8" }).stdout ?? "").split(":")[2]);
}
