import "server-only";
/**
 * The signed-in actor for server components, route handlers and server actions: null when nobody
 * is signed in or the account is deactivated. Read once per request (React's cache: the layout,
 * the page and lib/server/http/session.ts share one database read), by the same loadActor the
 * API's token check uses.
 */
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "../db/prisma";
import { loadActor, type Actor } from "../actor";
import { options } from "./options";

export const getActor: () => Promise<Actor | null> = cache(async () => {
  const session = await getServerSession(options);
  const userId = session?.user?.id;
  return userId ? loadActor(db(), userId) : null;
});
