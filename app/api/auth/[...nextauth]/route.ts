/**
 * next-auth's routes, with password sign-in attempts throttled first (per address and per client,
 * lib/server/auth/sign-in-throttle.ts): past the limit, 429 with Retry-After, in the shape
 * next-auth's client reads (`{url}` with `error=RateLimited`).
 */
import NextAuth from "next-auth";
import { options } from "../../../../lib/server/auth/options";
import { checkSignInThrottle, clientAddressOf } from "../../../../lib/server/auth/sign-in-throttle";
import { redis, redisPrefix } from "../../../../lib/server/redis";

const handler = NextAuth(options);

type Context = { params: Promise<{ nextauth: string[] }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
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
