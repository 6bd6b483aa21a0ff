"use client";
/**
 * Single-key shortcuts for the frequent actions. An element opts in with data-shortcut="<key>":
 * a field gets focus, a form is submitted, anything else is clicked. Keys never fire while typing
 * in a field or with a modifier held. The keys and what they do are listed for everyone to see.
 */
import { useEffect, useRef } from "react";

export interface Shortcut {
  key: string;
  label: string;
}

const isField = (el: EventTarget | null) =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);

export function AgentShortcuts({ title, intro, shortcuts }: { title: string; intro: string; shortcuts: Shortcut[] }) {
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isField(event.target)) return;
      const known = shortcuts.some((s) => s.key === event.key);
      const target = known ? document.querySelector<HTMLElement>(`[data-shortcut="${CSS.escape(event.key)}"]`) : null;
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView({ block: "center" });
      if (target instanceof HTMLFormElement) target.requestSubmit();
      else if (isField(target)) target.focus();
      else target.click();
    };
    window.addEventListener("keydown", onKey);
    // Marks the keys as live (for tests and for styling), without a re-render.
    if (section.current) section.current.dataset.ready = "true";
    return () => window.removeEventListener("keydown", onKey);
  }, [shortcuts]);
  return (
    <section ref={section} data-testid="shortcuts" aria-labelledby="shortcuts-heading" className="rounded-lg border border-slate-300 bg-white p-4 text-sm">
      <h2 id="shortcuts-heading" className="font-semibold">
        {title}
      </h2>
      <p className="text-slate-700">{intro}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {shortcuts.map((s) => (
          <div key={s.key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-400 bg-slate-100 px-1.5 font-mono">{s.key}</kbd>
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
