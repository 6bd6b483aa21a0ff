export interface PriorityTarget {
  code: "P1" | "P2" | "P3" | "P4";
  /** Response target in business minutes. */
  minutes: number;
}

const NAMES = { P1: "Kritisk", P2: "Høy", P3: "Medium", P4: "Lav" } as const;
const TONES = {
  P1: "bg-red-100 text-red-900",
  P2: "bg-orange-100 text-orange-900",
  P3: "bg-amber-100 text-amber-900",
  P4: "bg-slate-200 text-slate-800",
} as const;

function duration(minutes: number): string {
  if (minutes % 60 !== 0) return `${minutes} minutter`;
  const hours = minutes / 60;
  return hours === 1 ? "1 time" : `${hours} timer`;
}

/** The four priorities with their response targets (business time). */
export function PriorityList({ targets }: { targets: PriorityTarget[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label="Prioriteter og responstid">
      {targets.map((t) => (
        <li key={t.code} className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <span className={`rounded px-2 py-1 text-sm font-semibold ${TONES[t.code]}`}>{t.code}</span>
          <span className="font-medium">{NAMES[t.code]}</span>
          <span className="ml-auto text-sm text-slate-600">Feilsøking startes innen {duration(t.minutes)}</span>
        </li>
      ))}
    </ul>
  );
}
