import "server-only";
/**
 * The signed-in actor for server components, route handlers and server actions: null when nobody
 * is signed in or the account is deactivated.
 */
import { getServerSession } from "next-auth";
import { db } from "../db/prisma";
import { loadActor, type Actor } from "../actor";
import { options } from "./options";

export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(options);
  const userId = session?.user?.id;
  return userId ? loadActor(db(), userId) : null;
}
