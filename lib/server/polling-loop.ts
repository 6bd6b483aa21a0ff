import "server-only";
/**
 * A worker loop over a table: one pass after another while there is a backlog (the pass says so),
 * every `intervalMs` when idle, and after `retryMs` when a pass fails (PostgreSQL or Redis away).
 * `stop()` finishes the pass in hand.
 */
export function startPollingLoop({
  label,
  pass,
  intervalMs,
  retryMs,
}: {
  label: string;
  /** One pass; answers whether more work is waiting right now. */
  pass: () => Promise<boolean>;
  intervalMs: number;
  retryMs: number;
}): { stop(): Promise<void> } {
  let running = true;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const done = (async () => {
    while (running) {
      try {
        if (!(await pass())) await sleep(intervalMs);
      } catch (error) {
        console.error(`[${label}] pass failed, retrying in ${retryMs / 1000} s: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(retryMs);
      }
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await done;
    },
  };
}
