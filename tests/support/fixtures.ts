/** Shared set-up for integration tests of the ticket lifecycle: seeded demo data and actors by e-mail. */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { loadActor, type Actor } from "../../lib/server/actor";
import { seed } from "../../lib/server/db/seed";

export async function seedOnce(prisma: PrismaClient): Promise<void> {
  if ((await prisma.organization.count()) === 0) await seed(prisma);
}

export async function actorByEmail(prisma: PrismaClient, email: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const actor = await loadActor(prisma, user.id);
  if (!actor) throw new Error(`${email} is not an active, consistent user`);
  return actor;
}

/** A clock the test moves by hand. */
export function fakeClock(start: string) {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(iso: string) {
      current = new Date(iso);
    },
  };
}
