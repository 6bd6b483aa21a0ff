/** Where a search matched: the passage as plain text, the matched words in <mark> (React escapes the text, never HTML). */
import type { SnippetPart } from "@/lib/server/tickets/search-tickets";

export function SearchSnippet({ parts, label }: { parts: SnippetPart[]; label: string }) {
  return (
    <span className="mt-1 block text-sm text-slate-700" data-testid="search-snippet">
      <span className="sr-only">{label}: </span>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-slate-900">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
