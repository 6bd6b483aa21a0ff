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
import type { Actor } from "../actor";
import { internalOptions } from "./options";
import { actorOfSignIn, signInStateOf, type SignInState } from "./session-actor";

export type { SignInState } from "./session-actor";

/** Whoever holds a live session, signed in completely or not yet past the second step. */
export const getSignInState: () => Promise<SignInState | null> = cache(async () => signInStateOf(await getServerSession(internalOptions)));

/** The actor of a complete sign-in only: a session still waiting for its second factor is nobody (issue 15). */
export const getActor: () => Promise<Actor | null> = cache(async () => actorOfSignIn(db(), await getSignInState()));
