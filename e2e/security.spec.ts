/**
 * The browser-facing defences of issue 14 against the built app: security headers on a page, an
 * API answer and the report downloads; TRACE refused; unknown API paths answer JSON; a cross-site
 * page cannot frame /signin; a cross-site server-action post is refused with 403 and writes nothing.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIResponse } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { registerTicketAs } from "./support/tickets";
import { createPrisma } from "../lib/server/db/prisma";

function expectSecurityHeaders(response: APIResponse, what: string) {
  const h = response.headers();
  const csp = h["content-security-policy"] ?? "";
  const scripts =
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? "";
  expect(scripts, `${what}: script-src`).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scripts, `${what}: no unsafe-inline scripts`).not.toContain("unsafe-inline");
  expect(csp, `${what}: frame-ancestors`).toContain("frame-ancestors 'none'");
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], what).toContain("camera=()");
  // The test server runs on http://127.0.0.1, so no HSTS (it is sent when APP_URL is https: unit-tested).
  expect(h["strict-transport-security"], what).toBeUndefined();
}

test("every kind of response carries the security headers, with a fresh script nonce on each page", async ({ page }) => {
  const first = await page.request.get("/signin");
  const second = await page.request.get("/signin");
  expectSecurityHeaders(first, "page");
  const nonceOf = (r: APIResponse) => /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonceOf(first)).not.toBe(nonceOf(second));
  // Next.js puts the nonce on its scripts, so the page works under the policy.
  expect(await first.text()).toContain(`nonce="${nonceOf(first)}"`);

  const api = await page.request.get("/api/v1/tickets");
  expect(api.status()).toBe(401);
  expectSecurityHeaders(api, "API answer");

  await signIn(page, "ola@nordlys.example");
  const month = "2026-10"; // any closed month: only the downloads' headers are read
  for (const kind of ["csv", "pdf"]) {
    const download = await page.request.get(`/reports/${month}/${kind}`);
    expect(download.status(), kind).toBe(200);
    expect(download.headers()["content-disposition"]).toContain(`.${kind}`);
    expectSecurityHeaders(download, `${kind} download`);
  }
});

test("TRACE and made-up methods are refused; unknown API paths answer the API's JSON 404", async ({ request }) => {
  for (const method of ["TRACE", "PROPFIND"]) {
    const response = await request.fetch("/", { method });
    expect(response.status(), method).toBe(405);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  }
  // A method HTTP does not know at all never reaches the app: Node's parser answers 400.
  expect((await request.fetch("/", { method: "BREW" })).status()).toBe(400);
  const unknown = await request.get("/api/v1/no-such-thing");
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["content-type"]).toContain("application/json");
  expect(await unknown.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  const nested = await request.post("/api/v1/tickets/x/y/z", { data: {} });
  expect(nested.status()).toBe(404);
  expect((await nested.json()).error.code).toBe("not_found");
});

test("a cross-site page cannot frame /signin: the browser refuses it", async ({ page, baseURL }) => {
  // Another site on this machine (localhost, while the app is 127.0.0.1), served for real so the
  // browser's private-network rules do not interfere: only the app's headers decide.
  const evil = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>evil</title><iframe id="f" src="${baseURL}/signin" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => evil.listen(0, resolve));
  try {
    const port = (evil.address() as AddressInfo).port;
    // The frame's response arrives (the server answers), and the browser then refuses to show it.
    const answered = page.waitForResponse((r) => r.url() === `${baseURL}/signin`);
    await page.goto(`http://localhost:${port}/evil`, { waitUntil: "load" });
    expect((await answered).status()).toBe(200);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    await expect.poll(() => frame?.url() ?? "").toMatch(/^chrome-error:/);
    await expect(page.frameLocator("#f").getByLabel("E-post")).toHaveCount(0);
  } finally {
    evil.close();
  }
});

test("a cross-site server-action post gets 403 with or without X-Forwarded-Host and writes nothing", async ({ page, baseURL }) => {
  const ticket = await registerTicketAs("kari@nordlys.example", "Skjema fra fremmed side", "P3");
  await signIn(page, "kari@nordlys.example");
  await page.goto(`/saker/${ticket.id}`);
  // Capture the real server-action request of the reply form, without letting it through.
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await page.route(`**/saker/${ticket.id}`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = { headers: await route.request().allHeaders(), body: route.request().postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  await page.getByLabel("Ditt svar").fill("Et svar fra en fremmed side");
  await page.getByRole("button", { name: "Send svar" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  const { headers, body } = captured!;
  expect(headers["next-action"]).toBeTruthy();

  const prisma = createPrisma(undefined, 2);
  const comments = () => prisma.comment.count({ where: { ticketId: ticket.id } });
  try {
    const before = await comments();
    const replay = (extra: Record<string, string>) => {
      const h: Record<string, string> = { ...headers, ...extra };
      delete h["content-length"];
      delete h["cookie"];
      return page.request.post(`/saker/${ticket.id}`, { headers: h, data: body, maxRedirects: 0 });
    };
    const plain = await replay({ origin: "http://evil.example" });
    expect(plain.status()).toBe(403);
    const forwarded = await replay({ origin: "http://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" });
    expect(forwarded.status()).toBe(403);
    expect(await comments()).toBe(before);
    // The same request from the app's own origin goes through: the 403s were the origin, nothing else.
    const own = await replay({ origin: new URL(baseURL!).origin });
    expect(own.status()).toBeLessThan(400);
    expect(await comments()).toBe(before + 1);
  } finally {
    await prisma.$disconnect();
  }
});
