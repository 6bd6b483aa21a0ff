import "server-only";
/**
 * The one owner of the browser-facing defences set for every response (issue 14): the security
 * headers (a CSP with a per-request nonce for scripts, framing refused, no MIME sniffing, a
 * referrer policy, a permissions policy, HSTS when the app is served over https), the HTTP
 * methods the app answers at all, and the origin check of form posts and server actions. Pure
 * functions: proxy.ts applies them, the tests call them directly.
 */

import allowedMethods from "./allowed-methods.json";

/**
 * Methods the app answers; anything else (TRACE, CONNECT, made-up ones) is refused with 405: by
 * scripts/start.mjs before Next.js (which fails on TRACE with a 500), and by proxy.ts.
 */
export const ALLOWED_METHODS: ReadonlySet<string> = new Set(allowedMethods);

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    // Scripts run only with this response's nonce (Next.js puts it on its own scripts); no unsafe-inline.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders({ nonce, appUrl, dev = false }: { nonce: string; appUrl: string; dev?: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(nonce, dev),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (new URL(appUrl).protocol === "https:") headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

export interface OriginCheck {
  method: string;
  pathname: string;
  origin: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
  appUrl: string;
  trustProxy: boolean;
}

/**
 * Whether a state-changing request may reach the app's pages (form posts and server actions):
 * only from APP_URL's origin, or, when TRUST_PROXY is set, from the origin the proxy forwarded.
 * The REST API (bearer tokens) and next-auth (its own CSRF token) are not form posts of ours.
 * A post without an Origin header is refused: every browser sends one on a POST.
 */
export function originAllowed(c: OriginCheck): boolean {
  if (!UNSAFE_METHODS.has(c.method.toUpperCase())) return true;
  if (c.pathname.startsWith("/api/")) return true;
  if (!c.origin) return false;
  const allowed = new Set([new URL(c.appUrl).origin]);
  if (c.trustProxy && c.forwardedHost) {
    const proto = (c.forwardedProto ?? "https").split(",")[0]!.trim();
    allowed.add(`${proto}://${c.forwardedHost.split(",")[0]!.trim()}`);
  }
  return allowed.has(c.origin);
}

/** A fresh nonce per response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
