import "server-only";
/** What creating and changing a rota pattern share (issue 18): the people its weeks name, its first Monday as stored, and the clash of two patterns starting the same Monday. */
import { Prisma } from "../../generated/prisma/client";

export const people = (weeks: ReadonlyArray<{ primaryUserId: string; backupUserId: string | null }>) => weeks.flatMap((w) => [w.primaryUserId, ...(w.backupUserId ? [w.backupUserId] : [])]);
export const asDate = (localDate: string) => new Date(`${localDate}T00:00:00Z`);

export const takenStart = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
