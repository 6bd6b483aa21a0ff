/**
 * A secret shown once, right after it was made (an API token, a webhook's signing secret): a
 * status box with what to do and the secret in a box that selects whole on a click, to copy. Only
 * its hash (or its encryption) is kept, so the page cannot show it again. `children` go under it
 * (a link on to what was made).
 */
import type { ReactNode } from "react";

export function SecretShownOnce({ secret, lead, note, testId, children }: { secret: string | null; lead: string; note?: string; testId: string; children?: ReactNode }) {
  return (
    <div role="status" className="flex flex-col gap-2 rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
      <p>{lead}</p>
      {secret && (
        <>
          {note && <p>{note}</p>}
          <code data-testid={testId} className="select-all break-all rounded bg-white p-2 font-mono text-sm text-slate-900">
            {secret}
          </code>
        </>
      )}
      {children}
    </div>
  );
}
