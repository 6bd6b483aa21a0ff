/**
 * next-auth's routes, with password sign-in attempts throttled first (per address and per client,
 * lib/server/auth/sign-in-throttle.ts): past the limit, 429 with Retry-After, in the shape
 * next-auth's client reads (`{url}` with `error=RateLimited`). The options are built per request,
 * so the organisations' identity providers are those the database has now (lib/server/oidc/).
 */
import NextAuth from "next-auth";
import { CREDENTIALS_PROVIDER_ID, authOptionsForRequest, options as staticOptions } from "../../../../lib/server/auth/options";
import { readEnv } from "../../../../lib/config/env";
import { checkSignInThrottle, clientAddressOf } from "../../../../lib/server/auth/sign-in-throttle";
import { redis, redisPrefix } from "../../../../lib/server/redis";

type Context = { params: Promise<{ nextauth: string[] }> };

const env = readEnv();
/**
 * The routes that need the organisations' identity providers; the others (session, csrf, signout, …)
 * and the password sign-in (callback/credentials, every password sign-in) skip reading them.
 */
const NEEDS_PROVIDERS = new Set(["signin", "callback", "providers"]);
const needsProviders = ([action, provider]: string[]): boolean => NEEDS_PROVIDERS.has(action ?? "") && provider !== CREDENTIALS_PROVIDER_ID;

const handler = async (request: Request, context: Context): Promise<Response> => {
  const { nextauth } = await context.params;
  const options = needsProviders(nextauth) ? await authOptionsForRequest(env) : staticOptions;
  return NextAuth(request as never, context as never, options) as Promise<Response>;
};

export async function POST(request: Request, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === `callback/${CREDENTIALS_PROVIDER_ID}`) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "");
    const decision = await checkSignInThrottle({ redis: redis(), prefix: redisPrefix(), email, client: clientAddressOf(request), now: new Date() });
    if (!decision.allowed) {
      const base = process.env.NEXTAUTH_URL ?? new URL(request.url).origin;
      return Response.json(
        { url: `${base}/signin?error=RateLimited`, error: "RateLimited" },
        { status: 429, headers: { "retry-after": String(decision.retryAfterSeconds), "cache-control": "no-store" } },
      );
    }
  }
  return handler(request, context);
}

export { handler as GET };
