import "server-only";
/**
 * The signed-in actor for server components, route handlers and server actions: null when nobody
 * is signed in or the account is deactivated. Read once per request (React's cache: the layout,
 * the page and lib/server/http/session.ts share one database read), by the same loadActor the
 * API's token check uses. A session whose sign-in still waits for its second factor has no actor:
 * every page, action and session-read route refuses it on the server.
 */
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "../db/prisma";
import { loadActor, type Actor } from "../actor";
import { internalOptions } from "./options";
import type { SecondFactorStage } from "../two-factor/requirement";

export interface SignInState {
  userId: string;
  email: string;
  /** The server-side session's id (lib/server/auth/sessions.ts). */
  sid: string;
  /** The second step still to do; null when the sign-in is complete. */
  secondFactor: SecondFactorStage | null;
}

/** Whoever holds a live session, signed in completely or not yet past the second step. */
export const getSignInState: () => Promise<SignInState | null> = cache(async () => {
  const session = await getServerSession(internalOptions);
  const userId = session?.user?.id;
  if (!userId || !session.sid) return null;
  return { userId, email: session.user.email, sid: session.sid, secondFactor: session.secondFactor ?? null };
});

/** The actor of a complete sign-in only: a session still waiting for its second factor is nobody (issue 15). */
export const getActor: () => Promise<Actor | null> = cache(async () => {
  const state = await getSignInState();
  if (!state || state.secondFactor) return null;
  return loadActor(db(), state.userId);
});
