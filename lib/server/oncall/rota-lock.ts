import "server-only";
/** Every change to the rota (the editor and the roll-forward) runs under one transaction-scoped advisory lock, so two never interleave. */
import type { Prisma } from "../../generated/prisma/client";

const ROTA_LOCK_KEY = 18_001;

export async function lockRota(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROTA_LOCK_KEY}::bigint)`;
}
