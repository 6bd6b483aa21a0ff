/**
 * Deadline throughput of the SLA engine on the Netpower office-hours calendar
 * (weekdays 08:00–16:00 Europe/Oslo, Norwegian holidays closed), for 1-week and 1-month
 * horizons, against the simplest correct reference (a day-by-day walk that recomputes each
 * date's intervals with no cache), in one run. Prints JSON as the last line.
 */
import { addBusinessMinutes, compileCalendar } from "../lib/sla/index";
import { addBusinessMinutesSimpleWalk } from "../lib/sla/simple-walk";
import { NETPOWER_OFFICE_HOURS } from "../lib/sla/presets";

const HORIZONS = { "1-week": 5 * 480, "1-month": 21 * 480 } as const;
const STARTS = 4096;

function starts(): Date[] {
  // Deterministic pseudo-random instants over 2026–2027 (LCG), on whole seconds.
  let x = 12345;
  const from = Date.parse("2026-01-01T00:00:00Z");
  const span = 2 * 365 * 86_400;
  const out: Date[] = [];
  for (let i = 0; i < STARTS; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(new Date(from + (x % span) * 1000));
  }
  return out;
}

function rate(fn: (d: Date) => Date, inputs: Date[], minMs: number): { perSecond: number; checksum: number } {
  let n = 0;
  let checksum = 0;
  const t0 = performance.now();
  let elapsed: number;
  do {
    for (const d of inputs) checksum = (checksum + fn(d).getTime()) % 1_000_000_007;
    n += inputs.length;
    elapsed = performance.now() - t0;
  } while (elapsed < minMs);
  return { perSecond: Math.round((n / elapsed) * 1000), checksum };
}

const calendar = compileCalendar(NETPOWER_OFFICE_HOURS.spec);
const inputs = starts();
const result: Record<string, { engine: number; simpleWalk: number; ratio: number }> = {};
for (const [name, minutes] of Object.entries(HORIZONS)) {
  // Both must agree before their speed means anything.
  for (const d of inputs.slice(0, 200)) {
    const a = addBusinessMinutes(calendar, d, minutes).getTime();
    const b = addBusinessMinutesSimpleWalk(calendar, d, minutes).getTime();
    if (a !== b) throw new Error(`engine and simple walk disagree for ${d.toISOString()} + ${minutes}`);
  }
  rate((d) => addBusinessMinutes(calendar, d, minutes), inputs, 200); // warm-up (fills the cache, JIT)
  const engine = rate((d) => addBusinessMinutes(calendar, d, minutes), inputs, 1000);
  const simpleWalk = rate((d) => addBusinessMinutesSimpleWalk(calendar, d, minutes), inputs.slice(0, 256), 1000);
  result[name] = { engine: engine.perSecond, simpleWalk: simpleWalk.perSecond, ratio: Math.round((engine.perSecond / simpleWalk.perSecond) * 10) / 10 };
  console.log(
    `${name} (${minutes} business minutes): engine ${engine.perSecond.toLocaleString("en")} deadlines/s, simple walk ${simpleWalk.perSecond.toLocaleString("en")}/s, ratio ${result[name].ratio}x`,
  );
}
console.log(JSON.stringify({ bench: "sla-deadlines", calendar: NETPOWER_OFFICE_HOURS.key, unit: "deadlines/s", ...result }));
