import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { db } from "../db/prisma";

/** What every use case runs with: the database and the time (a fake clock in tests). */
export interface UseCaseContext {
  prisma: PrismaClient;
  now: () => Date;
}

export function defaultContext(): UseCaseContext {
  return { prisma: db(), now: () => new Date() };
}
