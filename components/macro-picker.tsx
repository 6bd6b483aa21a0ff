"use client";
/**
 * Search-as-you-type over the agent's macros (personal and shared, already rendered for the
 * ticket): type to filter by title or text, arrow keys to move, Enter or a click to use one. The
 * list is small (an agent's macros and the shared ones) and already on the page: no request per key.
 */
import { useId, useMemo, useState } from "react";
import type { MacroView } from "@/lib/server/macros/schemas";

export interface MacroPickerText {
  label: string;
  placeholder: string;
  none: string;
  shared: string;
  personal: string;
}

const MAX_SHOWN = 8;

export function MacroPicker({ macros, text, onPick }: { macros: MacroView[]; text: MacroPickerText; onPick: (m: MacroView) => void }) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return macros.filter((m) => !q || m.title.toLocaleLowerCase().includes(q) || m.body.toLocaleLowerCase().includes(q)).slice(0, MAX_SHOWN);
  }, [macros, query]);
  const pick = (m: MacroView) => {
    onPick(m);
    setQuery("");
    setOpen(false);
  };
  return (
    <div className="relative w-full sm:w-72">
      <label htmlFor={`${id}-search`} className="sr-only">
        {text.label}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && matches[active] ? `${id}-${matches[active].id}` : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        placeholder={text.placeholder}
        value={query}
        className="w-full rounded-md border border-slate-500 px-3 py-1.5 text-sm"
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            const m = matches[active];
            if (m) pick(m);
          } else if (e.key === "Escape") setOpen(false);
        }}
      />
      {open && (
        <ul id={`${id}-list`} role="listbox" aria-label={text.label} className="absolute right-0 z-10 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-300 bg-white shadow-lg">
          {matches.length === 0 && <li className="px-3 py-2 text-sm text-slate-700">{text.none}</li>}
          {matches.map((m, i) => (
            <li
              key={m.id}
              id={`${id}-${m.id}`}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-blue-50" : ""}`}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m);
              }}
            >
              <span className="font-medium">{m.title}</span> <span className="text-xs text-slate-600">{m.scope === "shared" ? text.shared : text.personal}</span>
              <span className="block truncate text-slate-700">{m.body}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
