import { describe, expect, it } from "vitest";
import { createBatcher } from "./batch";

/** A flush that records its batches and answers when told to. */
function controlledFlush() {
  const batches: number[][] = [];
  const pending: Array<() => void> = [];
  const flush = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve) => pending.push(() => resolve(items.map((n) => n * 10))));
  };
  const releaseAll = async () => {
    while (pending.length) pending.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, pending, flush, releaseAll };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("createBatcher", () => {
  it("flushes a lone item at once and answers each item with its own result", async () => {
    const f = controlledFlush();
    const batcher = createBatcher(f.flush);
    const result = batcher.add(7);
    await tick();
    expect(f.batches).toEqual([[7]]);
    await f.releaseAll();
    expect(await result).toBe(70);
  });

  it("items that arrive while a flush runs go together in the next one, at most maxSize at a time", async () => {
    const f = controlledFlush();
    const batcher = createBatcher(f.flush, { maxSize: 3 });
    const first = batcher.add(1);
    await tick();
    const later = [2, 3, 4, 5, 6].map((n) => batcher.add(n));
    await tick();
    expect(f.batches).toEqual([[1]]); // one flush at a time
    await f.releaseAll();
    expect(f.batches).toEqual([[1], [2, 3, 4]]);
    await f.releaseAll();
    await f.releaseAll();
    expect(f.batches).toEqual([[1], [2, 3, 4], [5, 6]]);
    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it("runs up to maxInFlight flushes at once", async () => {
    const f = controlledFlush();
    const batcher = createBatcher(f.flush, { maxSize: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5].map((n) => batcher.add(n));
    await tick();
    expect(f.batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    await f.releaseAll();
    expect(f.batches.at(-1)).toEqual([5]);
    await f.releaseAll();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
  });

  it("when a batch fails, its items are tried alone, so only the bad one fails", async () => {
    const calls: number[][] = [];
    const failedBatches: number[] = [];
    const batcher = createBatcher(
      async (items: number[]) => {
        calls.push(items);
        if (items.includes(13)) throw new Error("unlucky");
        return items.map((n) => -n);
      },
      { onBatchError: (_error, size) => failedBatches.push(size) },
    );
    const results = await Promise.allSettled([1, 13, 2].map((n) => batcher.add(n)));
    expect(calls).toEqual([[1, 13, 2], [1], [13], [2]]);
    expect(failedBatches).toEqual([3]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([-1, "unlucky", -2]);
  });

  it("a flush that answers the wrong number of results fails its items instead of mixing them up", async () => {
    const batcher = createBatcher(async () => [1]);
    const results = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    // Alone, each item gets one result again.
    expect(results).toEqual([
      { status: "fulfilled", value: 1 },
      { status: "fulfilled", value: 1 },
    ]);
    const wrong = createBatcher(async () => [] as number[]);
    await expect(wrong.add(1)).rejects.toThrow("batch flush returned 0 results for 1 items");
  });

  it("reports the size and duration of each flush that succeeded", async () => {
    const seen: Array<[number, number]> = [];
    const slowFlush = async (items: number[]) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      if (items.includes(0)) throw new Error("refused");
      return items;
    };
    const batcher = createBatcher(slowFlush, { onFlush: (size, ms) => seen.push([size, ms]) });
    await Promise.all([batcher.add(1), batcher.add(2)]);
    await expect(batcher.add(0)).rejects.toThrow("refused");
    // One flush of two, timed around the flush itself (40 ms; timers may fire a little early).
    expect(seen.map(([size]) => size)).toEqual([2]);
    expect(seen[0]![1]).toBeGreaterThanOrEqual(35);
  });
});
