import "server-only";
/**
 * The one owner of password hashes (issue 15): argon2id (`@node-rs/argon2`: its binary comes as a
 * per-platform npm package, no install script; the `argon2` package's prebuilt linux-x64 binary
 * crashes on load here and its fallback is a node-gyp build in an install script, which npm 11 does
 * not run) at OWASP's parameters (19 MiB, 2 passes, 1 lane). Hashes
 * made by the earlier bcrypt code (`$2a$`, `$2b$`, `$2y$`) still verify and report `needsRehash`,
 * so sign-in replaces them with argon2id at the next success; so does an argon2 hash made with
 * weaker parameters than today's.
 */
import { randomBytes } from "node:crypto";
import { hash as argon2Hash, verify as argon2Verify, type Algorithm } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

/** OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1. */
/** `Algorithm.Argon2id` (a const enum, which isolatedModules cannot read). */
const ARGON2ID_ALGORITHM = 2 as Algorithm;

export const ARGON2_OPTIONS = { algorithm: ARGON2ID_ALGORITHM, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const BCRYPT = /^\$2[aby]\$/;
const ARGON2ID = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/;

export async function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2_OPTIONS);
}

/** Whether an argon2 hash is weaker than (or other than) argon2id at ARGON2_OPTIONS. */
function weakerThanToday(hash: string): boolean {
  const m = ARGON2ID.exec(hash);
  if (!m) return true;
  return Number(m[1]) < ARGON2_OPTIONS.memoryCost || Number(m[2]) < ARGON2_OPTIONS.timeCost || Number(m[3]) < ARGON2_OPTIONS.parallelism;
}

export interface VerifyResult {
  ok: boolean;
  /** The hash is bcrypt or weaker argon2 than ARGON2_OPTIONS: hash the password again after a success. */
  needsRehash: boolean;
}

/** Compares a password with a stored hash; an unreadable hash never matches. */
export async function verifyPassword(hash: string, password: string): Promise<VerifyResult> {
  try {
    if (BCRYPT.test(hash)) return { ok: await bcrypt.compare(password, hash), needsRehash: true };
    const ok = await argon2Verify(hash, password);
    return { ok, needsRehash: ok && weakerThanToday(hash) };
  } catch {
    return { ok: false, needsRehash: false };
  }
}

let dummy: Promise<string> | undefined;

/**
 * An argon2id hash of a random string nobody knows, at today's parameters: compared against when
 * there is no hash to compare (an unknown address, an account without a password), so the answer
 * takes as long as for a real one.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(32).toString("base64url"));
  return dummy;
}
