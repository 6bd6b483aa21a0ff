/**
 * next-auth's own request handler (NextAuth(req, res, options), the engine behind /api/auth/*)
 * driven with cookies, for tests that sign in with a password and read the session on the next
 * request (the same harness as sessions.test.ts).
 */
import NextAuth, { type AuthOptions } from "next-auth";

export type Cookies = Record<string, string>;
export const BASE = "http://localhost:3000";

export function nextAuthClient(options: () => AuthOptions) {
  const call = async (req: { method: "GET" | "POST"; action: string; providerId?: string; cookies: Cookies; body?: Record<string, string> }) => {
    const headers: Record<string, string | string[]> = {};
    let body: unknown;
    const res = {
      status: () => res,
      setHeader: (name: string, value: string | string[]) => {
        headers[name.toLowerCase()] = value;
        return res;
      },
      getHeader: (name: string) => headers[name.toLowerCase()],
      end: () => undefined,
      send: (b: unknown) => void (body = b),
      json: (b: unknown) => void (body = b),
    };
    const request = {
      method: req.method,
      query: { nextauth: [req.action, ...(req.providerId ? [req.providerId] : [])] },
      cookies: req.cookies,
      headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost:3000" },
      body: req.body ?? {},
    };
    await NextAuth(request as never, res as never, options());
    const set: Cookies = {};
    const raw = headers["set-cookie"];
    for (const c of Array.isArray(raw) ? raw : raw ? [raw] : []) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      set[pair!.slice(0, i)] = decodeURIComponent(pair!.slice(i + 1));
    }
    return { body: body as Record<string, unknown> | undefined, cookies: set };
  };

  /** Signs in with e-mail and password; the session cookie, or undefined when refused. */
  async function signIn(email: string, password: string): Promise<string | undefined> {
    const csrf = await call({ method: "GET", action: "csrf", cookies: {} });
    const token = (csrf.body as { csrfToken: string }).csrfToken;
    const signedIn = await call({ method: "POST", action: "callback", providerId: "credentials", cookies: csrf.cookies, body: { csrfToken: token, email, password, callbackUrl: `${BASE}/saker` } });
    return signedIn.cookies["next-auth.session-token"] || undefined;
  }
  const sessionOf = async (sessionCookie: string) => (await call({ method: "GET", action: "session", cookies: { "next-auth.session-token": sessionCookie } })).body;
  return { signIn, sessionOf };
}
