#!/usr/bin/env node
/**
 * npm run lockfile:complete — works around an npm 11 bug (npm/cli#4828, #8320): `npm install` on
 * Linux leaves other platforms' optional native packages (e.g. @next/swc-darwin-arm64) out of
 * package-lock.json, and `npm ci` then refuses the lock file ("Missing: … from lock file").
 * This adds the missing entries from the registry's metadata — version, integrity, os, cpu,
 * libc — marked optional, exactly as npm writes them on a machine that records them. A registry
 * mirror that only holds this platform's packages answers 404 for the others: then the entry gets
 * the exact version the parent asks for and the os/cpu its name states (…-darwin-arm64), which is
 * all npm ci needs to skip it here (another platform fetches it as usual). Run it after any
 * `npm install` that changes the lock file; it changes nothing when nothing is missing.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = "package-lock.json";
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;
const added = [];

function registryInfo(name, spec) {
  try {
    const meta = JSON.parse(
      execFileSync("npm", ["view", `${name}@${spec}`, "version", "dist.integrity", "os", "cpu", "libc", "license", "engines", "--json"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }),
    );
    return Array.isArray(meta) ? meta.at(-1) : meta;
  } catch {
    return null;
  }
}

const OSES = ["android", "darwin", "freebsd", "linux", "netbsd", "openbsd", "sunos", "win32", "aix"];
const CPUS = ["arm64", "x64", "ia32", "arm", "wasm32", "ppc64", "s390x", "riscv64", "loong64"];

function infoFromName(name, spec) {
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) throw new Error(`${name}: not in the registry, and "${spec}" is not an exact version`);
  const parts = name.split("/").at(-1).split("-");
  const os = parts.find((p) => OSES.includes(p));
  const cpu = parts.find((p) => CPUS.includes(p));
  if (!cpu) throw new Error(`${name}: not in the registry, and its name does not say which cpu it is for`);
  return { version: spec, ...(os ? { os } : {}), cpu };
}

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${path ? `${path}/` : ""}node_modules/${name}`;
    if (packages[key] || packages[nested]) continue;
    const info = registryInfo(name, spec) ?? infoFromName(name, spec);
    packages[key] = {
      version: info.version,
      ...(info["dist.integrity"] ? { integrity: info["dist.integrity"] } : {}),
      ...(info.cpu ? { cpu: [].concat(info.cpu) } : {}),
      ...(entry.dev ? { dev: true } : {}),
      ...(info.engines ? { engines: info.engines } : {}),
      ...(info.libc ? { libc: [].concat(info.libc) } : {}),
      ...(info.license ? { license: info.license } : {}),
      optional: true,
      ...(info.os ? { os: [].concat(info.os) } : {}),
    };
    added.push(`${name}@${info.version}`);
  }
}

// npm keeps the packages map sorted by path.
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Added ${added.length} optional platform packages to ${lockPath}: ${added.join(", ")}` : `${lockPath} already lists every optional platform package.`);
