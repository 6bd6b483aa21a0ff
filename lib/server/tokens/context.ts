import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";

/** What the token use cases need from the outside world (the same shape as the ticket use cases' context). */
export interface TokenContext {
  prisma: PrismaClient;
  now: () => Date;
}
