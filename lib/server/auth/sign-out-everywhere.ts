import "server-only";
/** "Sign out everywhere" on /profile: every session of the signed-in person ends, this one included. */
import type { Actor } from "../actor";
import { defaultSessionStore, endAllSessions, type SessionStore } from "./sessions";

export async function signOutEverywhere({ actor, sessions = defaultSessionStore() }: { actor: Actor; sessions?: SessionStore }): Promise<number> {
  return endAllSessions(sessions, actor.userId);
}
