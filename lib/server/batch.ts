import "server-only";
/**
 * Natural batching: items that arrive while a flush is running wait, and go together in the next
 * one. A lone item is flushed at once (on the next turn of the event loop, so the items of one
 * burst go together); under load the batches grow by themselves, up to `maxSize`, and each
 * costs one round of statements instead of one per item. Used by the SLA timer worker, where
 * thousands of timers a second come due at peak.
 *
 * If a batch fails, its items are tried one by one, so one bad item fails alone.
 */
export interface BatcherOptions {
  /** Most items in one flush. */
  maxSize?: number;
  /** Flushes running at once (a second one overlaps the first one's round trips). */
  maxInFlight?: number;
  /** Told the size and duration of every flush that succeeded. */
  onFlush?: (size: number, ms: number) => void;
  /** Told when a batch of several items failed (its items are then tried one by one). */
  onBatchError?: (error: unknown, size: number) => void;
}

export interface Batcher<I, O> {
  add(item: I): Promise<O>;
}

interface Entry<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export function createBatcher<I, O>(flush: (items: I[]) => Promise<O[]>, { maxSize = 500, maxInFlight = 1, onFlush, onBatchError }: BatcherOptions = {}): Batcher<I, O> {
  const waiting: Array<Entry<I, O>> = [];
  let inFlight = 0;
  let scheduled = false;

  async function flushAll(batch: Array<Entry<I, O>>): Promise<void> {
    const started = performance.now();
    const results = await flush(batch.map((e) => e.item));
    if (results.length !== batch.length) throw new Error(`batch flush returned ${results.length} results for ${batch.length} items`);
    onFlush?.(batch.length, performance.now() - started);
    batch.forEach((e, i) => e.resolve(results[i]!));
  }

  async function run(batch: Array<Entry<I, O>>): Promise<void> {
    try {
      await flushAll(batch);
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      onBatchError?.(error, batch.length);
      for (const entry of batch) await flushAll([entry]).catch(entry.reject);
    }
  }

  function pump(): void {
    while (inFlight < maxInFlight && waiting.length) {
      const batch = waiting.splice(0, maxSize);
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return {
    add(item) {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          pump();
        });
      });
    },
  };
}
