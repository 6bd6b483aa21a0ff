import { describe, expect, it } from "vitest";
import { MAX_DELAY_MS, retryDelayMs } from "./backoff";

describe("retry backoff", () => {
  it("doubles from 30 s per attempt without jitter", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, () => 0.5))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
  });

  it("is capped at one hour", () => {
    expect(retryDelayMs(8, () => 0.5)).toBe(MAX_DELAY_MS);
    expect(retryDelayMs(30, () => 0.99)).toBe(MAX_DELAY_MS);
  });

  it("spreads retries by ±20 %", () => {
    expect(retryDelayMs(1, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, () => 0.999_999)).toBeCloseTo(36_000, -1);
  });
});
