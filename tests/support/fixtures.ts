/** Shared set-up for integration tests of the ticket lifecycle: seeded demo data and actors by e-mail. */
import { expect } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { AppError } from "../../lib/server/errors";
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

/** The seed's demo people (README, "Run it"), by first name; the customer admins by their organisation. */
const DEMO_PEOPLE = {
  admin: "admin@servicedesk.example",
  lise: "lise@servicedesk.example",
  jonas: "jonas@servicedesk.example",
  marte: "marte@servicedesk.example",
  erik: "erik@servicedesk.example",
  vakt: "vakt@servicedesk.example",
  kari: "kari@nordlys.example",
  per: "per@nordlys.example",
  ola: "ola@nordlys.example",
  ingrid: "ingrid@fjordvik.example",
  fjordvikAdmin: "admin@fjordvik.example",
  sara: "sara@bergheim.example",
  bergheimAdmin: "admin@bergheim.example",
  bjorn: "bjorn@bergheim.example",
} as const;
export type DemoPerson = keyof typeof DEMO_PEOPLE;

/** Seeds the database once and loads the named demo people as actors. */
export async function seededActors<N extends DemoPerson>(prisma: PrismaClient, names: readonly N[]): Promise<Record<N, Actor>> {
  await seedOnce(prisma);
  const actors = await Promise.all(names.map((name) => actorByEmail(prisma, DEMO_PEOPLE[name])));
  return Object.fromEntries(names.map((name, i) => [name, actors[i]!])) as Record<N, Actor>;
}

/** The AppError a use case rejects with (the test fails if it resolves or throws anything else). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
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
