import "server-only";
/**
 * next-auth configuration: e-mail + password (always) and the customer's OpenID Connect provider
 * (when configured), JWT sessions carrying only the user id, and a session read fresh from the
 * database on every request so a deactivated user or a changed role takes effect at once.
 * Importable from plain Node (tests); sign-in is the app's own page, /signin.
 */
import type { AuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client";
import { readEnv, type Env } from "../../config/env";
import { db } from "../db/prisma";
import { loadActor } from "../actor";
import { lockoutPolicy, signInWithPassword } from "./sign-in-with-password";
import { OIDC_PROVIDER_ID, oidcProvider, oidcUserId } from "./oidc";
import { SessionEndedError, authLogger } from "./logger";
import { defaultSessionStore, endSession, startSession, touchSession, type SessionStore } from "./sessions";

export const CREDENTIALS_PROVIDER_ID = "credentials";

const UserIdSchema = z.uuid();

export function buildAuthOptions(env: Env, prisma: () => PrismaClient = db, sessions: () => SessionStore = defaultSessionStore): AuthOptions {
  const oidc = oidcProvider(env);
  const policy = lockoutPolicy(env);

  const credentials = CredentialsProvider({
    id: CREDENTIALS_PROVIDER_ID,
    name: "e-mail and password",
    credentials: {
      email: { label: "E-mail", type: "email" },
      password: { label: "Password", type: "password" },
    },
    async authorize(input) {
      const result = await signInWithPassword({ prisma: prisma(), email: input?.email, password: input?.password, now: new Date(), policy });
      return result.ok ? { id: result.userId } : null;
    },
  });

  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/signin" },
    providers: oidc ? [credentials, oidc] : [credentials],
    logger: authLogger,
    events: {
      async signOut({ token }) {
        await endSession(sessions(), token?.sid);
      },
    },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider === CREDENTIALS_PROVIDER_ID) return true; // authorize() checked the password
        if (oidc && account?.provider === OIDC_PROVIDER_ID) return (await oidcUserId(prisma(), profile)) !== null;
        return false;
      },
      // The token carries our user id and the server-side session's id (sessions.ts); a session
      // that was ended or went idle ends the token with it.
      async jwt({ token, user, account, profile }) {
        if (!account) {
          if (!(await touchSession(sessions(), token.sid, token.sub))) throw new SessionEndedError();
          return { sub: token.sub, sid: token.sid };
        }
        const sub = account.provider === CREDENTIALS_PROVIDER_ID ? user.id : await oidcUserId(prisma(), profile);
        const actor = sub ? await loadActor(prisma(), sub) : null;
        if (!actor) throw new SessionEndedError();
        const sid = await startSession(sessions(), { id: actor.userId, role: actor.role }, env);
        return { sub: actor.userId, sid };
      },
      async session({ session, token }): Promise<Session> {
        const id = UserIdSchema.safeParse(token.sub);
        const actor = id.success ? await loadActor(prisma(), id.data) : null;
        if (!actor) throw new SessionEndedError();
        return {
          expires: session.expires,
          user: { id: actor.userId, email: actor.email, name: actor.name, role: actor.role, locale: actor.locale },
        };
      },
    },
  };
}

/** The options for this process's environment. */
export const options: AuthOptions = buildAuthOptions(readEnv());
