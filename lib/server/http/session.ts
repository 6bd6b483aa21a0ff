import "server-only";
/**
 * The one entry point of every page and server action that needs a session (route handlers under
 * app/api have withApiActor): who is signed in, whether their role may be here, and what a
 * refusal looks like. The actor is loaded once per request (lib/server/auth/session.ts) by the
 * same loadActor the API's token check uses.
 *
 * - nobody signed in: to the sign-in page, back here afterwards;
 * - a role the page is not for: the provider admin's pages do not exist for anyone else (404, as
 *   the use cases answer); the customers' and the staff's pages send the person to their own home;
 * - a use case's not_found (a ticket, user or agreement outside the actor's reach): the 404 page.
 */
import { notFound, redirect } from "next/navigation";
import type { Role } from "../../generated/prisma/enums";
import { CUSTOMER_ROLES, STAFF_ROLES, type Actor } from "../actor";
import { AppError } from "../errors";
import { getActor } from "../auth/session";
import { getT } from "../../i18n/server";
import type { Locale, Translate } from "../../i18n";
import { homeFor } from "../../nav-items";

export type Audience = "signed-in" | "customer" | "staff" | "provider-admin";

const ROLES: Record<Audience, readonly Role[] | "any"> = {
  "signed-in": "any",
  customer: CUSTOMER_ROLES,
  staff: STAFF_ROLES,
  "provider-admin": ["PROVIDER_ADMIN"],
};

export type T = Translate & { locale: Locale };

/** Where a request's actor and language come from: Next.js's session and cookies, or a test's. */
export interface RequestScope {
  actor: () => Promise<Actor | null>;
  t: () => Promise<T>;
}

export const nextRequest: RequestScope = { actor: getActor, t: getT };

export const signInPath = (path: string): string => `/signin?callbackUrl=${encodeURIComponent(path)}`;

/** The signed-in actor if their role is in the audience; otherwise a redirect or the 404 page. */
export async function requireSession(audience: Audience, path: string, scope: RequestScope = nextRequest): Promise<Actor> {
  const actor = await scope.actor();
  if (!actor) redirect(signInPath(path));
  const roles = ROLES[audience];
  if (roles !== "any" && !roles.includes(actor.role)) {
    if (audience === "provider-admin") notFound();
    redirect(homeFor(actor.role));
  }
  return actor;
}

/** A use case's not_found is the 404 page: the one place that maps it, for pages and actions. */
export function notFoundPageFor(error: unknown): void {
  if (error instanceof AppError && error.code === "not_found") notFound();
}

/** Runs a read use case; its not_found is the 404 page. */
export async function found<R>(read: Promise<R>): Promise<R> {
  try {
    return await read;
  } catch (error) {
    notFoundPageFor(error);
    throw error;
  }
}

export interface Session {
  actor: Actor;
  t: T;
  /** Runs a read use case; its not_found is the page's 404. */
  found: typeof found;
}

/** A page's entry point: `const { actor, t, found } = await withSession("staff", "/arbeid");`. */
export async function withSession(audience: Audience, path: string, scope: RequestScope = nextRequest): Promise<Session> {
  const actor = await requireSession(audience, path, scope);
  return { actor, t: await scope.t(), found };
}
