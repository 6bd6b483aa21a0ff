import { describe, expect, it } from "vitest";
import { ALLOWED_METHODS, contentSecurityPolicy, originAllowed, securityHeaders } from "./security";

const post = { method: "POST", pathname: "/saker/1", forwardedHost: null, forwardedProto: null, appUrl: "https://helpdesk.example", trustProxy: false };

describe("security headers", () => {
  it("allows scripts only with the nonce, and never unsafe-inline scripts", () => {
    const csp = contentSecurityPolicy("abc");
    const scripts = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(scripts).toContain("'nonce-abc'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("sends HSTS only when APP_URL is https", () => {
    expect(securityHeaders({ nonce: "n", appUrl: "https://helpdesk.example" })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(securityHeaders({ nonce: "n", appUrl: "http://localhost:3000" })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ nonce: "n", appUrl: "http://localhost:3000" })).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("refuses TRACE and made-up methods", () => {
    expect(ALLOWED_METHODS.has("TRACE")).toBe(false);
    expect(ALLOWED_METHODS.has("BREW")).toBe(false);
    expect(ALLOWED_METHODS.has("GET")).toBe(true);
  });
});

describe("origin check of form posts and server actions", () => {
  it("accepts APP_URL's origin only", () => {
    expect(originAllowed({ ...post, origin: "https://helpdesk.example" })).toBe(true);
    expect(originAllowed({ ...post, origin: "http://evil.example" })).toBe(false);
    expect(originAllowed({ ...post, origin: null })).toBe(false);
    expect(originAllowed({ ...post, method: "GET", origin: "http://evil.example" })).toBe(true);
  });

  it("ignores a forwarded host unless TRUST_PROXY is set", () => {
    const forged = { ...post, origin: "http://evil.example", forwardedHost: "evil.example", forwardedProto: "http" };
    expect(originAllowed(forged)).toBe(false);
    expect(originAllowed({ ...forged, trustProxy: true })).toBe(true);
    expect(originAllowed({ ...post, origin: "https://helpdesk.internal", forwardedHost: "helpdesk.internal", trustProxy: true })).toBe(true);
  });

  it("leaves the REST API and next-auth to their own defences (bearer tokens, CSRF token)", () => {
    expect(originAllowed({ ...post, pathname: "/api/v1/tickets", origin: "http://evil.example" })).toBe(true);
  });
});
