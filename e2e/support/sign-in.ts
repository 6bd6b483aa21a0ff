/**
 * Signs in through the app's own /signin page with the demo password, and waits until it has.
 * Staff (and anyone with two-factor sign-in on) then get the second step: the helper types the
 * current code of the demo's TOTP secret for that address (demo-data.ts), as a person would from
 * their app, at the browser's instant (the test-at offset included).
 *
 * A code signs in once, and the suite signs the same demo staff in dozens of times (the admin 18):
 * a sign-in that went through the second step is kept, and the next sign-in of that address with the
 * demo password takes the same session in its own context, when the server still answers it as that
 * person (else, or after a sign-out, a new sign-in). A new sign-in types this step's code, or the
 * app's next one when it is taken (the server accepts one step ahead), waiting for it when both are.
 */
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoTotpSecret } from "../../lib/server/db/demo-data";
import { totpCodeAt } from "../../lib/server/two-factor/totp";
import { createPrisma } from "../../lib/server/db/prisma";
import { serverNow } from "./instants";

export const TWO_FACTOR_PATH = "/signin/two-factor";

/** The code an authenticator app with this secret shows now: the server checks it against its own clock (±1 step), so only the instant matters, never the hour or the day. */
export const currentCode = (secret: string): Promise<string> => totpCodeAt(secret, serverNow());

const STEP_MS = 30_000;

/** A code for `email` that no sign-in has taken: this step's, else the next one's (taking no more than one step ahead of now). */
export async function untakenCode(email: string, secret: string): Promise<string> {
  const prisma = createPrisma(undefined, 1);
  let lastStep: number | null;
  try {
    lastStep = (await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { totpLastStep: true } }))?.totpLastStep ?? null;
  } finally {
    await prisma.$disconnect();
  }
  // The server checks codes against its own clock, so the step is read from the same clock: only the
  // 30-second step matters, never the hour or the day.
  const nowMs = serverNow().getTime();
  const step = Math.max(Math.floor(nowMs / STEP_MS), (lastStep ?? -1) + 1);
  // The server takes a code one step ahead of its clock at most: wait until `step` is no further ahead.
  const waitMs = (step - 1) * STEP_MS - nowMs;
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 100));
  return totpCodeAt(secret, new Date(step * STEP_MS));
}

type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;
/** The sessions signed in with a second step in this run, by address. */
const sessions = new Map<string, Cookies>();

/** Takes the kept session of `email` into this page's context, when the server still answers it as them, fully signed in. */
async function resumeSession(page: Page, email: string): Promise<boolean> {
  const cookies = sessions.get(email);
  if (!cookies?.length) return false;
  await page.context().addCookies(cookies);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string }; secondFactor?: string };
  if (session.user?.email?.toLowerCase() === email && !session.secondFactor) {
    await page.goto("/");
    return true;
  }
  sessions.delete(email);
  await page.context().clearCookies({ name: cookies[0]?.name });
  return false;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, totpSecret = demoTotpSecret(email)): Promise<void> {
  const address = email.toLowerCase();
  if (password === DEMO_PASSWORD && (await resumeSession(page, address))) return;
  await signInFirstStep(page, email, password);
  if (new URL(page.url()).pathname === TWO_FACTOR_PATH) {
    await page.getByLabel("Kode", { exact: true }).fill(await untakenCode(email, totpSecret));
    await page.getByRole("button", { name: "Bekreft", exact: true }).click();
    await expect(page).not.toHaveURL(/\/signin/, { timeout: 15_000 });
    if (password === DEMO_PASSWORD)
      sessions.set(
        address,
        (await page.context().cookies()).filter((c) => c.name.endsWith("session-token")),
      );
  }
}

/** E-mail and password only: ends on the second step's page, or signed in when there is none. */
export async function signInFirstStep(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  // A slow first render is not a failed sign-in.
  await page.waitForURL((url) => !url.pathname.startsWith("/signin") || url.pathname === TWO_FACTOR_PATH, { timeout: 15_000 });
}
