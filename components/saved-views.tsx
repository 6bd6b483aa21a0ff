/**
 * The agent's saved views on /arbeid (issue 19): links that open the queue with their search and
 * filters, each deletable after confirming, and a small form that saves the current ones.
 */
import Link from "next/link";
import type { SavedViewView } from "@/lib/server/tickets/saved-views/schemas";
import type { SelectOption } from "./select";
import { Button } from "./button";
import { ConfirmDialog } from "./confirm-dialog";
import { Select } from "./select";
import { TextField } from "./text-field";

export interface SavedViewsText {
  title: string;
  none: string;
  save: string;
  saveButton: string;
  name: string;
  shareWith: string;
  delete: string;
  deleteLabel: (name: string) => string;
  deleteTitle: (name: string) => string;
  deleteBody: string;
  cancel: string;
  shared: (line: string) => string;
}

export function SavedViews({
  views,
  currentQuery,
  shareOptions,
  lineName,
  saveAction,
  deleteAction,
  text,
}: {
  views: SavedViewView[];
  /** The queue's query string now: what "save" stores, and where a deletion comes back to. */
  currentQuery: string;
  shareOptions: SelectOption[];
  lineName: (line: string) => string;
  saveAction: (form: FormData) => void | Promise<void>;
  deleteAction: (form: FormData) => void | Promise<void>;
  text: SavedViewsText;
}) {
  return (
    <section aria-labelledby="saved-views" className="flex flex-col gap-3">
      <h2 id="saved-views" className="text-lg font-semibold">
        {text.title}
      </h2>
      {views.length === 0 ? (
        <p className="text-slate-700">{text.none}</p>
      ) : (
        <ul className="flex flex-wrap gap-2" data-testid="saved-views">
          {views.map((view) => (
            <li key={view.id} className="flex items-center gap-1 rounded-md border border-slate-300 bg-white py-1 pl-3 pr-1">
              <Link href={`/arbeid?${view.query}`} aria-current={view.query === currentQuery ? "page" : undefined} className="font-medium text-blue-800 underline underline-offset-2">
                {view.name}
              </Link>
              {view.line && <span className="text-sm text-slate-700">({text.shared(lineName(view.line))})</span>}
              {view.deletable && (
                <ConfirmDialog
                  action={deleteAction}
                  hidden={{ id: view.id, query: currentQuery }}
                  label={text.delete}
                  ariaLabel={text.deleteLabel(view.name)}
                  title={text.deleteTitle(view.name)}
                  body={text.deleteBody}
                  confirm={text.delete}
                  cancel={text.cancel}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <details className="rounded-md border border-slate-300 bg-white p-3">
        <summary className="cursor-pointer font-medium">{text.save}</summary>
        <form action={saveAction} className="mt-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name="query" value={currentQuery} />
          <div className="w-64">
            <TextField id="saved-view-name" name="name" label={text.name} required maxLength={60} />
          </div>
          <div className="w-48">
            <Select id="saved-view-share" name="share" label={text.shareWith} defaultValue="" options={shareOptions} />
          </div>
          <Button type="submit" tone="secondary">
            {text.saveButton}
          </Button>
        </form>
      </details>
    </section>
  );
}
