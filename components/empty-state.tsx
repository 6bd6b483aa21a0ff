/** What a list shows when it has nothing: a title, a sentence, and optionally a way on. */
import type { ReactNode } from "react";

export function EmptyState({ title, body, action }: { title: string; body?: string; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-slate-400 bg-white p-6">
      <h2 className="text-lg font-semibold">{title}</h2>
      {body && <p className="text-slate-700">{body}</p>}
      {action}
    </div>
  );
}
