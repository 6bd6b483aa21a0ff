/** Half-open instant intervals [from, to) in epoch ms, and set operations on them. */
export interface Interval {
  from: number;
  to: number;
}

/** Sorted, merged union (overlapping or touching intervals become one). */
export function unionOf(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else out.push({ from: i.from, to: i.to });
  }
  return out;
}

/** a minus b (both any intervals; the result is sorted and merged). */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const cut = unionOf(b);
  const out: Interval[] = [];
  for (const i of unionOf(a)) {
    let from = i.from;
    for (const c of cut) {
      if (c.to <= from) continue;
      if (c.from >= i.to) break;
      if (c.from > from) out.push({ from, to: c.from });
      from = Math.max(from, c.to);
      if (from >= i.to) break;
    }
    if (from < i.to) out.push({ from, to: i.to });
  }
  return out;
}

/** Intervals clipped to [from, to). */
export function clip(intervals: readonly Interval[], from: number, to: number): Interval[] {
  return intervals.map((i) => ({ from: Math.max(i.from, from), to: Math.min(i.to, to) })).filter((i) => i.to > i.from);
}
