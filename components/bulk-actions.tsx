"use client";
/**
 * One action on many tickets of the queue (issue 19): the rows' checkboxes belong to this form
 * (form="bulk-form"), "select all" ticks the page's, and the chosen action's fields show. Solving
 * (with a typed reply or a macro)
 * cannot be undone, so it asks first (a modal dialog). The result says which tickets were done
 * and which failed, with the reason.
 */
import { useActionState, useRef, useState } from "react";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";
import { ErrorMessage } from "./error-message";
import { StatusMessage } from "./status-message";
import { Select, type SelectOption } from "./select";
import { SubmitButton } from "./submit-button";
import { TextArea } from "./text-area";
import { TextField } from "./text-field";
import { Button } from "./button";

export interface BulkActionsText {
  title: string;
  selectAll: string;
  action: string;
  actions: SelectOption[];
  assignee: string;
  priority: string;
  reason: string;
  line: string;
  workDone: string;
  solution: string;
  parentReference: string;
  macro: string;
  submit: string;
  pending: string;
  /** With {count}. */
  confirmSolve: string;
  confirm: string;
  cancel: string;
  /** With {count} and {references}. */
  done: string;
  /** With {count}. */
  failed: string;
  unknownTicket: string;
}

interface Result {
  done: Array<{ reference: string }>;
  failed: Array<{ id: string; reference: string | null; reason: string }>;
}

const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

const boxes = (formId: string) => Array.from(document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=ticketId][form="${formId}"]`));

export function BulkActions({
  formId,
  formAction,
  assignees,
  priorities,
  lines,
  macros,
  text,
}: {
  /** The form's id, which the rows' checkboxes name. */
  formId: string;
  formAction: (state: FormState, form: FormData) => Promise<FormState>;
  assignees: SelectOption[];
  priorities: SelectOption[];
  lines: SelectOption[];
  /** The macros the agent may use (solve with a macro: filled in for each ticket). */
  macros: SelectOption[];
  text: BulkActionsText;
}) {
  const [state, action] = useActionState(formAction, EMPTY_FORM);
  const [kind, setKind] = useState(text.actions[0]?.value ?? "assign");
  const [count, setCount] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const selected = () => boxes(formId);
  const result: Result | null = state.result ? (JSON.parse(state.result) as Result) : null;
  return (
    <section aria-labelledby="bulk-title" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4" data-testid="bulk-actions">
      <h2 id="bulk-title" className="text-lg font-semibold">
        {text.title}
      </h2>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          data-testid="select-all"
          className="h-5 w-5"
          onChange={(e) => {
            for (const box of selected()) box.checked = e.currentTarget.checked;
            setCount(e.currentTarget.checked ? selected().length : 0);
          }}
        />
        {text.selectAll}
      </label>
      {state.message && <ErrorMessage message={state.message} />}
      {result && result.done.length > 0 && <StatusMessage message={fill(text.done, { count: result.done.length, references: result.done.map((d) => d.reference).join(", ") })} />}
      {result && result.failed.length > 0 && (
        <div role="alert" data-testid="bulk-failed" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          <p>{fill(text.failed, { count: result.failed.length })}</p>
          <ul className="list-disc pl-5">
            {result.failed.map((f) => (
              <li key={f.id}>
                <span className="font-mono">{f.reference ?? text.unknownTicket}</span>: {f.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        id={formId}
        ref={form}
        action={action}
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          if ((kind !== "resolve" && kind !== "resolveMacro") || confirmed.current) {
            confirmed.current = false;
            return;
          }
          e.preventDefault();
          setCount(selected().filter((b) => b.checked).length);
          dialog.current?.showModal();
        }}
      >
        <Select id="bulk-kind" name="kind" label={text.action} options={text.actions} value={kind} onChange={(e) => setKind(e.currentTarget.value)} />
        {kind === "assign" && <Select id="bulk-assigneeId" name="assigneeId" label={text.assignee} options={assignees} />}
        {kind === "priority" && (
          <>
            <Select id="bulk-priority" name="priority" label={text.priority} options={priorities} />
            <TextArea id="bulk-reason" name="reason" label={text.reason} rows={2} required />
          </>
        )}
        {kind === "escalate" && (
          <>
            <Select id="bulk-line" name="line" label={text.line} options={lines} />
            <TextArea id="bulk-workDone" name="workDone" label={text.workDone} rows={3} required />
          </>
        )}
        {kind === "resolve" && <TextArea id="bulk-solution" name="solution" label={text.solution} rows={4} required />}
        {kind === "resolveMacro" && <Select id="bulk-macroId" name="macroId" label={text.macro} options={macros} />}
        {kind === "parent" && <TextField id="bulk-parentReference" name="parentReference" label={text.parentReference} required className="font-mono" />}
        <div>
          <SubmitButton label={text.submit} pendingLabel={text.pending} tone={kind === "resolve" || kind === "resolveMacro" ? "danger" : "primary"} />
        </div>
      </form>
      <dialog ref={dialog} aria-label={text.title} className="m-auto max-w-md rounded-lg border border-slate-300 p-6 text-left shadow-xl backdrop:bg-slate-900/50">
        <div className="flex flex-col gap-4">
          <p>{fill(text.confirmSolve, { count })}</p>
          <div className="flex gap-3">
            <Button
              tone="danger"
              data-testid="confirm-bulk"
              onClick={() => {
                dialog.current?.close();
                confirmed.current = true;
                form.current?.requestSubmit();
              }}
            >
              {text.confirm}
            </Button>
            <Button tone="secondary" onClick={() => dialog.current?.close()}>
              {text.cancel}
            </Button>
          </div>
        </div>
      </dialog>
    </section>
  );
}
