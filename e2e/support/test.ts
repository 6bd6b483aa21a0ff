/**
 * Playwright's `test` and `expect` for this suite. Under scripts/test-at.sh every process of the run
 * reads a wall clock moved to a chosen instant (libfaketime), but Chromium does not start under
 * libfaketime; the script passes the offset in TEST_AT_OFFSET_MS, and every page's Date is moved by
 * it, so the browser agrees with the app. Without that variable nothing changes.
 *
 * Contexts a test opens itself (`browser.newContext()`, for a second person) are closed when the
 * test ends: the browser lives for the whole run, and a page left open on an agent's page keeps
 * refreshing and sending presence heartbeats, which slowed the server under the last specs.
 */
import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";

const offsetMs = Number(process.env.TEST_AT_OFFSET_MS ?? 0);

async function shiftClock(context: BrowserContext): Promise<void> {
  if (!offsetMs) return;
  await context.addInitScript((offset: number) => {
    const marked = globalThis as { __testAtShifted?: boolean };
    if (marked.__testAtShifted) return; // once per page, however the context was made
    marked.__testAtShifted = true;
    const Native = Date;
    class Shifted extends Native {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(Native.now() + offset);
        else super(...(args as [number]));
      }
      static override now(): number {
        return Native.now() + offset;
      }
    }
    globalThis.Date = Shifted as DateConstructor;
  }, offsetMs);
}

/** The contexts opened through `browser.newContext()` in the running test. */
const opened = new Set<BrowserContext>();

export const test = base.extend<{ closeOpenedContexts: void }, { browser: Browser }>({
  browser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        opened.add(context);
        context.once("close", () => opened.delete(context));
        await shiftClock(context);
        return context;
      };
      await use(browser);
    },
    { scope: "worker" },
  ],
  closeOpenedContexts: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none
    async ({}, use) => {
      await use();
      await Promise.all([...opened].map((context) => context.close()));
      opened.clear();
    },
    { auto: true },
  ],
});

export { expect };
export type { Browser, Page } from "@playwright/test";
