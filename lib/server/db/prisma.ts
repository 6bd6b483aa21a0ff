import "server-only";
/**
 * Prisma Client 7 over the pg driver adapter: no engine binary at run time. The adapter's pool
 * ignores `connection_limit`, so its size comes from DATABASE_POOL_SIZE.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "../../generated/prisma/client";
import { readEnv } from "../../config/env";

export type Db = PrismaClient;

/**
 * Options of the use cases' interactive transactions: a burst (fifty registrations at once) can
 * wait longer than Prisma's default 2 s for a pooled connection; that is a queue, not a failure.
 */
export const TRANSACTION_OPTIONS = { timeout: 15_000, maxWait: 10_000 } as const;
/** A client inside an interactive transaction, or the client itself: what data-access helpers take. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

export function createPrisma(connectionString?: string, poolSize?: number): PrismaClient {
  const env = readEnv();
  const adapter = new PrismaPg({ connectionString: connectionString ?? env.DATABASE_URL, max: poolSize ?? env.DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The process-wide client (one pool per process, kept across Next.js dev reloads). */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createPrisma();
  return globalForPrisma.prisma;
}
