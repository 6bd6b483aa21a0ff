/**
 * P1–P4 as radio cards, each with its description and examples from the agreement (000 §6), so
 * people pick the right priority. Texts come from the caller.
 */
export interface PriorityOption {
  code: "P1" | "P2" | "P3" | "P4";
  name: string;
  description: string;
  examples: string;
}

export function PriorityChoice({ legend, help, options, value, error, name = "priority" }: { legend: string; help: string; options: PriorityOption[]; value?: string; error?: string; name?: string }) {
  const describedBy = ["priority-help", error ? "priority-error" : ""].filter(Boolean).join(" ");
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="font-medium text-slate-900">{legend}</legend>
      <p id="priority-help" className="text-sm text-slate-700">
        {help}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        {options.map((o) => (
          <label
            key={o.code}
            className={`flex cursor-pointer gap-3 rounded-lg border-2 bg-white p-4 has-[:checked]:border-blue-800 has-[:checked]:bg-blue-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-600 ${error ? "border-red-700" : "border-slate-300"}`}
          >
            <input type="radio" name={name} value={o.code} defaultChecked={value === o.code} className="mt-1 h-5 w-5 shrink-0" aria-describedby={`priority-${o.code}-text`} />
            <span className="flex flex-col gap-1">
              <span className="font-semibold">
                {o.code} {o.name}
              </span>
              <span id={`priority-${o.code}-text`} className="flex flex-col gap-1 text-sm text-slate-700">
                <span>{o.description}</span>
                <span className="italic">{o.examples}</span>
              </span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id="priority-error" className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
