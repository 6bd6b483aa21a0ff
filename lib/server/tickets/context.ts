import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { db } from "../db/prisma";

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
