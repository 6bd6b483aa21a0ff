import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { db } from "../db/prisma";
import { readDb } from "../db/replica";

/** What every use case runs with: the database and the time (a fake clock in tests). */
export interface UseCaseContext {
  prisma: PrismaClient;
  now: () => Date;
  /** The client's address, for the audit log (pages and actions: `requestContext()`; the API: its request). */
  clientAddress?: string | null;
}

export function defaultContext(): UseCaseContext {
  return { prisma: db(), now: () => new Date() };
}

/**
 * The context of a page that only reads and may be a second stale (reports, the queue): on the
 * read replica when one is configured and keeping up (db/replica.ts), else the primary.
 */
export async function readContext(): Promise<UseCaseContext> {
  return { prisma: await readDb(), now: () => new Date() };
}
