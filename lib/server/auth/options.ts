import "server-only";
/**
 * next-auth configuration: e-mail + password (always), the global OpenID Connect provider (when
 * configured in the environment) and each organisation's own (from the database, per request:
 * authOptionsForRequest), JWT sessions carrying only the user id, and a session read fresh from the
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
import { OIDC_PROVIDER_ID, oidcProvider } from "./oidc";
import { oidcSignInDecision, organizationOidcProviders, type OrganizationOidcProvider } from "../oidc/sign-in";
import { SessionEndedError, authLogger } from "./logger";
import { defaultSessionStore, endSession, startSession, touchSessionState, type SessionStore } from "./sessions";
import { auditFailedSignIn, auditSignIn } from "./audit-sign-in";
import { CLIENT_ADDRESS_HEADER } from "./sign-in-throttle";
import { secondFactorStage } from "../two-factor/requirement";

export const CREDENTIALS_PROVIDER_ID = "credentials";

const UserIdSchema = z.uuid();

/** The client's address as the server put it on the request (lib/server/auth/sign-in-throttle.ts). */
function clientAddressOfHeaders(headers: unknown): string | null {
  const value = (headers as Record<string, unknown> | undefined)?.[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" ? value : null;
}

/**
 * `internal`: the options the server's own session reads use (lib/server/auth/session.ts); their
 * session also carries the server-side session's id and whether the sign-in's second step is still
 * to do. The options behind /api/auth/* (what the browser sees) do not carry the id.
 */
export function buildAuthOptions(
  env: Env,
  prisma: () => PrismaClient = db,
  sessions: () => SessionStore = defaultSessionStore,
  { internal = false, organizationOidc = [] as OrganizationOidcProvider[] } = {},
): AuthOptions {
  const oidc = oidcProvider(env);
  /** The rule of an identity provider: null for the global one, the organisation's for its own; undefined = not OIDC. */
  const ruleOf = (providerId: string | undefined) => {
    if (oidc && providerId === OIDC_PROVIDER_ID) return { rule: null };
    const own = organizationOidc.find((o) => o.provider.id === providerId);
    return own ? { rule: own.rule } : undefined;
  };
  /** The user an identity provider's claims let in, or null; a refusal is audited as a failed sign-in. */
  const oidcUserId = async (providerId: string | undefined, profile: unknown, audit: boolean): Promise<string | null> => {
    const found = ruleOf(providerId);
    if (!found) return null;
    const decision = await oidcSignInDecision(prisma(), found.rule, profile);
    if (decision.ok) return decision.userId;
    if (audit) {
      const email = (profile as { email?: unknown } | undefined)?.email;
      await auditFailedSignIn({ prisma: prisma(), now: () => new Date() }, { email, reason: `oidc_${decision.reason}` });
    }
    return null;
  };
  const policy = lockoutPolicy(env);

  const credentials = CredentialsProvider({
    id: CREDENTIALS_PROVIDER_ID,
    name: "e-mail and password",
    credentials: {
      email: { label: "E-mail", type: "email" },
      password: { label: "Password", type: "password" },
    },
    async authorize(input, req) {
      const now = new Date();
      const result = await signInWithPassword({ prisma: prisma(), email: input?.email, password: input?.password, now, policy });
      const ctx = { prisma: prisma(), now: () => now, clientAddress: clientAddressOfHeaders(req?.headers) };
      if (!result.ok) {
        await auditFailedSignIn(ctx, { email: input?.email, reason: result.reason });
        return null;
      }
      await auditSignIn(ctx, { userId: result.userId, method: "password", secondFactor: await secondFactorStage(prisma(), result.userId) });
      return { id: result.userId };
    },
  });

  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/signin" },
    providers: [credentials, ...(oidc ? [oidc] : []), ...organizationOidc.map((o) => o.provider)],
    logger: authLogger,
    events: {
      async signOut({ token }) {
        await endSession(sessions(), token?.sid);
      },
    },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider === CREDENTIALS_PROVIDER_ID) return true; // authorize() checked the password
        return (await oidcUserId(account?.provider, profile, true)) !== null;
      },
      // The token carries our user id and the server-side session's id (sessions.ts); a session
      // that was ended or went idle ends the token with it. A session whose second step
      // (lib/server/two-factor) is still to do says so in the token the session callback reads;
      // that comes from Redis on every request, never from the cookie.
      async jwt({ token, user, account, profile }) {
        if (!account) {
          const state = await touchSessionState(sessions(), token.sid, token.sub);
          if (!state) throw new SessionEndedError();
          return state.secondFactor ? { sub: token.sub, sid: token.sid, secondFactor: state.secondFactor } : { sub: token.sub, sid: token.sid };
        }
        const sub = account.provider === CREDENTIALS_PROVIDER_ID ? user.id : await oidcUserId(account.provider, profile, false);
        const actor = sub ? await loadActor(prisma(), sub) : null;
        if (!actor) throw new SessionEndedError();
        const stage = await secondFactorStage(prisma(), actor.userId);
        if (account.provider !== CREDENTIALS_PROVIDER_ID) await auditSignIn({ prisma: prisma(), now: () => new Date() }, { userId: actor.userId, method: "oidc", secondFactor: stage });
        const sid = await startSession(sessions(), { id: actor.userId, role: actor.role }, env, stage);
        return { sub: actor.userId, sid };
      },
      async session({ session, token }): Promise<Session> {
        const id = UserIdSchema.safeParse(token.sub);
        const actor = id.success ? await loadActor(prisma(), id.data) : null;
        if (!actor) throw new SessionEndedError();
        const user = { id: actor.userId, email: actor.email, name: actor.name, role: actor.role, locale: actor.locale };
        if (internal) return { expires: session.expires, user, sid: token.sid, secondFactor: token.secondFactor ?? null };
        return token.secondFactor ? { expires: session.expires, user, secondFactor: token.secondFactor } : { expires: session.expires, user };
      },
    },
  };
}

/**
 * The options for one request to /api/auth/*: this process's environment and the organisations'
 * identity providers as the database has them now (a configuration saved in the browser counts at once).
 */
export async function authOptionsForRequest(env: Env = readEnv(), prisma: () => PrismaClient = db): Promise<AuthOptions> {
  return buildAuthOptions(env, prisma, defaultSessionStore, { organizationOidc: await organizationOidcProviders(prisma()) });
}

/** The options for this process's environment without the organisations' providers (the global OIDC button on /signin). */
export const options: AuthOptions = buildAuthOptions(readEnv());
/** The same, for the server's own session reads (lib/server/auth/session.ts). */
export const internalOptions: AuthOptions = buildAuthOptions(readEnv(), db, defaultSessionStore, { internal: true });
