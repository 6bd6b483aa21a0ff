/**
 * Runs before every request (Next.js 16 Proxy): refuses methods the app does not answer and
 * cross-site form posts, and sets the security headers of lib/server/http/security.ts on every
 * response, with a fresh script nonce that Next.js reads from the request's CSP header.
 */
import { NextResponse, type NextRequest } from "next/server";
import { readEnv } from "@/lib/config/env";
import { ALLOWED_METHODS, newNonce, originAllowed, securityHeaders } from "@/lib/server/http/security";

function refuse(status: 403 | 405, pathname: string, headers: Record<string, string>): NextResponse {
  const api = pathname.startsWith("/api/");
  const code = status === 403 ? "forbidden" : "method_not_allowed";
  const message = status === 403 ? "Cross-site request refused" : "Method not allowed";
  const response = api ? NextResponse.json({ error: { code, message } }, { status }) : new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("cache-control", "no-store");
  if (status === 405) response.headers.set("allow", [...ALLOWED_METHODS].join(", "));
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const env = readEnv();
  const nonce = newNonce();
  const headers = securityHeaders({ nonce, appUrl: env.APP_URL, dev: process.env.NODE_ENV === "development" });
  const { pathname } = request.nextUrl;
  if (!ALLOWED_METHODS.has(request.method.toUpperCase())) return refuse(405, pathname, headers);
  const forwardedHost = request.headers.get("x-forwarded-host");
  const allowed = originAllowed({
    method: request.method,
    pathname,
    origin: request.headers.get("origin"),
    forwardedHost,
    forwardedProto: request.headers.get("x-forwarded-proto"),
    appUrl: env.APP_URL,
    trustProxy: env.TRUST_PROXY,
  });
  if (!allowed) return refuse(403, pathname, headers);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  // Next.js checks a server action's Origin against the forwarded host (else the host). The origin
  // is settled above, so that check sees the origin we accepted, never a forwarded host we do not trust.
  const origin = request.headers.get("origin");
  if (origin && request.method === "POST" && !pathname.startsWith("/api/")) requestHeaders.set("x-forwarded-host", new URL(origin).host);
  else if (!env.TRUST_PROXY) requestHeaders.delete("x-forwarded-host");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Every path, except a multipart/form-data body to the REST API (files, issue 16): Next.js buffers
 * the body of any request its proxy sees (and cuts it at `proxyClientMaxBodySize`), so uploads
 * bypass the proxy and are streamed to the route, which counts their bytes as they arrive. Such a
 * request is token-authenticated (no cookies, so no cross-site question), and the routes' answers
 * carry their own headers.
 */
export const config = {
  matcher: ["/((?!api/v1/).*)", { source: "/api/v1/:path*", missing: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] }],
};
