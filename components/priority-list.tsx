const PRIORITIES = [
  { code: "P1", name: "Kritisk", target: "1 time", tone: "bg-red-100 text-red-900" },
  { code: "P2", name: "Høy", target: "2 timer", tone: "bg-orange-100 text-orange-900" },
  { code: "P3", name: "Medium", target: "4 timer", tone: "bg-amber-100 text-amber-900" },
  { code: "P4", name: "Lav", target: "1 arbeidsdag", tone: "bg-slate-200 text-slate-800" },
] as const;

/** The four priorities with the ordinary Netpower response targets (business hours, 000 §6). */
export function PriorityList() {
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label="Prioriteter og responstid">
      {PRIORITIES.map((p) => (
        <li key={p.code} className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <span className={`rounded px-2 py-1 text-sm font-semibold ${p.tone}`}>{p.code}</span>
          <span className="font-medium">{p.name}</span>
          <span className="ml-auto text-sm text-slate-600">Feilsøking startes innen {p.target}</span>
        </li>
      ))}
    </ul>
  );
}
