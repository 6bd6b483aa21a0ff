import "server-only";
/**
 * The one wrapper of every authenticated /api/v1 route: bearer token → actor (401 otherwise),
 * the organisation's rate limit (429 with Retry-After), then the handler; whatever it throws is
 * mapped by responses.ts. A read-only token (scope READ) gets 403 for any method but GET and HEAD. Every answer after authentication carries the X-RateLimit-* headers.
 */
import type { RedisClient } from "../redis";
import type { PrismaClient } from "../../generated/prisma/client";
import { readEnv } from "../../config/env";
import { isStaff, type Actor } from "../actor";
import { db } from "../db/prisma";
import { AppError } from "../errors";
import { redis, redisPrefix } from "../redis";
import { authenticateTokenWithScope } from "../tokens/authenticate-token";
import { hashToken } from "../tokens/token-secret";
import { checkRateLimit } from "./rate-limit";
import { CLIENT_ADDRESS_HEADER } from "../auth/sign-in-throttle";
import { readJsonBody } from "./request-input";
import { errorResponse } from "./responses";

export interface ApiDeps {
  prisma: PrismaClient;
  redis: RedisClient;
  redisPrefix: string;
  rateLimitPerMinute: number;
  now: () => Date;
}

export const defaultApiDeps = (): ApiDeps => ({
  prisma: db(),
  redis: redis(),
  redisPrefix: redisPrefix(),
  rateLimitPerMinute: readEnv().API_RATE_LIMIT_PER_MINUTE,
  now: () => new Date(),
});

/** What a handler gets: the use-case context has the shape of the ticket use cases' UseCaseContext. */
export interface ApiCall<P> {
  request: Request;
  actor: Actor;
  ctx: { prisma: PrismaClient; now: () => Date; clientAddress: string | null };
  params: P;
  /** The parsed JSON body; a malformed one throws a 400. */
  body: () => Promise<unknown>;
}

export type ApiHandler<P> = (call: ApiCall<P>) => Promise<Response>;

/** Next.js 16 hands route handlers their dynamic segments as a promise. */
export interface RouteContext<P> {
  params: Promise<P>;
}

/** The methods a read-only token may use. */
const READ_METHODS = new Set(["GET", "HEAD"]);

const unauthenticated = (message: string) => new AppError("unauthenticated", message);

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

export function withApiActor<P extends Record<string, string> = Record<string, never>>(
  handler: ApiHandler<P>,
  deps: () => ApiDeps = defaultApiDeps,
): (request: Request, route?: RouteContext<P>) => Promise<Response> {
  return async (request, route) => {
    const headers = new Headers();
    try {
      const d = deps();
      const ctx = { prisma: d.prisma, now: d.now, clientAddress: request.headers.get(CLIENT_ADDRESS_HEADER) };
      const token = bearerToken(request);
      if (!token) throw unauthenticated("An Authorization: Bearer <token> header is required");
      const auth = await authenticateTokenWithScope({ token, ctx });
      if (!auth) throw unauthenticated("The token is not valid (unknown, revoked or expired)");
      const { actor } = auth;
      // A read-only token (scope READ) reads: any other method is a write and is refused before the
      // rate limit or the handler, whatever the user behind it may do.
      if (auth.scope === "READ" && !READ_METHODS.has(request.method.toUpperCase())) {
        throw new AppError("forbidden", `This API token is read-only (scope READ): ${request.method.toUpperCase()} is a write. Use a token with scope READ_WRITE.`);
      }

      // Customers share one bucket per organisation (SLA-RULES.md §5); provider staff get one per
      // token, so one staff integration cannot lock every agent (and on-call) out of the API.
      const rate = await checkRateLimit({
        redis: d.redis,
        prefix: d.redisPrefix,
        bucket: isStaff(actor) ? `token:${hashToken(token)}` : actor.organizationId,
        limit: d.rateLimitPerMinute,
        now: d.now(),
      });
      headers.set("x-ratelimit-limit", String(rate.limit));
      headers.set("x-ratelimit-remaining", String(rate.remaining));
      if (!rate.allowed) {
        const per = isStaff(actor) ? "token" : "organisation";
        throw new AppError("rate_limited", `At most ${rate.limit} calls per minute per ${per}; try again in ${rate.retryAfterSeconds} s`, undefined, rate.retryAfterSeconds);
      }

      const params = ((await route?.params) ?? {}) as P;
      const response = await handler({ request, actor, ctx, params, body: () => readJsonBody(request) });
      headers.forEach((value, name) => response.headers.set(name, value));
      return response;
    } catch (error) {
      return errorResponse(error, headers);
    }
  };
}
