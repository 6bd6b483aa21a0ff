import "server-only";
/**
 * Retry timing: 30 s · 2^(attempts−1), ±20 % jitter (so a burst of failures does not retry in
 * lockstep), capped at 1 h; after MAX_ATTEMPTS failed attempts a notification is DEAD.
 */
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 60 * 60_000;
export const JITTER = 0.2;
export const MAX_ATTEMPTS = 8;
/** A SENDING row whose worker has not finished within this is released and tried again. */
export const LEASE_MS = 2 * 60_000;

/** Delay before the next attempt after `attempts` failed ones; `random()` in [0, 1) (0.5 = no jitter). */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1);
  const jittered = base * (1 - JITTER + 2 * JITTER * random());
  return Math.round(Math.min(jittered, MAX_DELAY_MS));
}
