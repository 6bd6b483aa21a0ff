import "server-only";
/**
 * From next-auth's session (the server's own read, internalOptions) to who is signing in and who
 * is acting. A session still waiting for its second factor (lib/server/two-factor) has a sign-in
 * state but no actor, so every page, server action and session-read route refuses it.
 */
import type { Session } from "next-auth";
import type { PrismaClient } from "../../generated/prisma/client";
import { loadActor, type Actor } from "../actor";
import type { SecondFactorStage } from "../two-factor/requirement";

export interface SignInState {
  userId: string;
  email: string;
  /** The server-side session's id (lib/server/auth/sessions.ts). */
  sid: string;
  /** The second step still to do; null when the sign-in is complete. */
  secondFactor: SecondFactorStage | null;
}

export function signInStateOf(session: Session | null): SignInState | null {
  const userId = session?.user?.id;
  if (!userId || !session.sid) return null;
  return { userId, email: session.user.email, sid: session.sid, secondFactor: session.secondFactor ?? null };
}

/** The actor of a complete sign-in only. */
export async function actorOfSignIn(prisma: PrismaClient, state: SignInState | null): Promise<Actor | null> {
  if (!state || state.secondFactor) return null;
  return loadActor(prisma, state.userId);
}
