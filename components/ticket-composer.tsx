"use client";
/**
 * The agent's one composer on a ticket (issue 19), as Zendesk and Freshdesk have it: one text box,
 * a switch between a reply to the customer and an internal note, the status to set on send, files,
 * and a macro picker that inserts a macro's rendered text and preselects its status, priority and
 * line. One send is one server action (one transaction). When someone else wrote on the ticket
 * since the page showed `seenEventId`, the server answers with a warning instead of sending: the
 * agent may send anyway or reload. Keys: r (reply), n (note), w (waiting), l (solved).
 */
import { useActionState, useRef, useState } from "react";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";
import type { MacroView } from "@/lib/server/macros/schemas";
import { Button } from "./button";
import { ErrorMessage } from "./error-message";
import { FilePicker, type FilePickerText } from "./file-picker";
import { Select, type SelectOption } from "./select";
import { SubmitButton } from "./submit-button";
import { CONTROL_CLASSES, FieldShell, controlBorder, describedBy } from "./field-shell";
import { TextField } from "./text-field";
import { MacroPicker, type MacroPickerText } from "./macro-picker";

export type ComposerStatus = "keep" | "WAITING_FOR_CUSTOMER" | "SOLVED";

export interface ComposerText {
  title: string;
  mode: string;
  reply: string;
  note: string;
  bodyReply: string;
  bodyNote: string;
  status: string;
  statuses: Record<ComposerStatus, string>;
  waitReason: string;
  priority: string;
  priorityKeep: string;
  priorityReason: string;
  line: string;
  lineKeep: string;
  submit: string;
  submitNote: string;
  pending: string;
  sendAnyway: string;
  reload: string;
  macros: MacroPickerText;
}

export interface TicketComposerProps {
  /** The server action (app/arbeid/saker/[id]/actions.ts). */
  formAction: (state: FormState, form: FormData) => Promise<FormState>;
  ticketId: string;
  /** The newest event the page shows: the server warns when others wrote after it. */
  seenEventId: string;
  /** Which statuses may be chosen on send (the ticket's state allows them). */
  statuses: ComposerStatus[];
  /** Whether a reply is possible (the ticket is active); else only notes. */
  canReply: boolean;
  priorities: SelectOption[];
  lines: SelectOption[];
  macros: MacroView[];
  text: ComposerText;
  files: FilePickerText;
}

type Counted = FormState & { n: number };

export function TicketComposer(props: TicketComposerProps) {
  const { formAction } = props;
  const [state, action] = useActionState(async (previous: Counted, form: FormData): Promise<Counted> => ({ ...(await formAction(previous, form)), n: previous.n + 1 }), { ...EMPTY_FORM, n: 0 });
  // Remounted after each answer so a refused send comes back with what was typed and chosen.
  return <ComposerForm key={state.n} {...props} state={state} action={action} />;
}

function ComposerForm({
  ticketId,
  seenEventId,
  statuses,
  canReply,
  priorities,
  lines,
  macros,
  text,
  files,
  state,
  action,
}: TicketComposerProps & { state: Counted; action: (form: FormData) => void }) {
  const v = state.values;
  const [mode, setMode] = useState<"reply" | "note">(v.mode === "note" || !canReply ? "note" : "reply");
  const [status, setStatus] = useState<ComposerStatus>((statuses as string[]).includes(v.status ?? "") ? (v.status as ComposerStatus) : "keep");
  const [priority, setPriority] = useState(v.priority ?? "");
  const [line, setLine] = useState(v.line ?? "");
  const [macroTitle, setMacroTitle] = useState(v.macroTitle ?? "");
  const body = useRef<HTMLTextAreaElement>(null);
  const focusBody = () => body.current?.focus();
  const collision = state.result === "collision";

  const useMacro = (m: MacroView) => {
    const box = body.current;
    if (box) {
      const start = box.selectionStart ?? box.value.length;
      const end = box.selectionEnd ?? box.value.length;
      box.value = box.value.slice(0, start) + m.body + box.value.slice(end);
      box.focus();
      box.setSelectionRange(start + m.body.length, start + m.body.length);
    }
    setMacroTitle(m.title);
    if (m.status && statuses.includes(m.status)) {
      setStatus(m.status);
      if (canReply) setMode("reply");
    }
    if (m.priority && priorities.some((p) => p.value === m.priority)) setPriority(m.priority);
    if (m.line && lines.some((l) => l.value === m.line)) setLine(m.line);
  };

  const toggle = (pressed: boolean) => (pressed ? "border-blue-800 bg-blue-800 text-white" : "border-slate-400 bg-white text-slate-900 hover:bg-slate-100");
  const segment = "rounded-md border px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700";
  return (
    <form action={action} aria-labelledby="composer-title" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4" noValidate data-testid="composer" data-mode={mode}>
      <h2 id="composer-title" className="sr-only">
        {text.title}
      </h2>
      {state.message && !collision && <ErrorMessage message={state.message} />}
      {collision && (
        <div role="alert" data-testid="collision-warning" className="flex flex-col gap-2 rounded-md border border-amber-600 bg-amber-50 p-3 text-slate-900">
          <p>{state.message}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="force" value="1" tone="primary">
              {text.sendAnyway}
            </Button>
            <Button tone="secondary" onClick={() => window.location.reload()}>
              {text.reload}
            </Button>
          </div>
        </div>
      )}
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="seenEventId" value={seenEventId} />
      <input type="hidden" name="mode" value={mode} />
      <input type="hidden" name="status" value={status} />
      <input type="hidden" name="macroTitle" value={macroTitle} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div role="group" aria-label={text.mode} className="flex gap-1">
          {canReply && (
            <button
              type="button"
              aria-pressed={mode === "reply"}
              data-shortcut="r"
              className={`${segment} ${toggle(mode === "reply")}`}
              onClick={() => {
                setMode("reply");
                focusBody();
              }}
            >
              {text.reply}
            </button>
          )}
          <button
            type="button"
            aria-pressed={mode === "note"}
            data-shortcut="n"
            className={`${segment} ${toggle(mode === "note")}`}
            onClick={() => {
              setMode("note");
              if (status === "SOLVED") setStatus("keep");
              focusBody();
            }}
          >
            {text.note}
          </button>
        </div>
        {macros.length > 0 && <MacroPicker macros={macros} text={text.macros} onPick={useMacro} />}
      </div>
      <FieldShell id="composer-body" label={mode === "reply" ? text.bodyReply : text.bodyNote} error={state.errors.body}>
        <textarea
          ref={body}
          id="composer-body"
          name="body"
          rows={6}
          required
          defaultValue={v.body}
          aria-invalid={state.errors.body ? true : undefined}
          aria-describedby={describedBy({ id: "composer-body", label: "", error: state.errors.body })}
          className={`${CONTROL_CLASSES} ${controlBorder(state.errors.body)} ${mode === "note" ? "bg-amber-50" : ""}`}
        />
      </FieldShell>
      <FilePicker id="composer-files" text={files} pasteTarget="composer-body" error={state.errors.files} />
      {statuses.length > 1 && (
        <div role="group" aria-label={text.status} className="flex flex-wrap items-center gap-1">
          <span className="mr-2 text-sm font-medium text-slate-800">{text.status}</span>
          {statuses.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={status === s}
              disabled={s === "SOLVED" && mode === "note"}
              data-shortcut={s === "WAITING_FOR_CUSTOMER" ? "w" : s === "SOLVED" ? "l" : undefined}
              className={`${segment} ${toggle(status === s)} disabled:opacity-50`}
              onClick={() => {
                setStatus(s);
                focusBody();
              }}
            >
              {text.statuses[s]}
            </button>
          ))}
          {state.errors.status && <p className="w-full text-sm text-red-800">{state.errors.status}</p>}
        </div>
      )}
      {status === "WAITING_FOR_CUSTOMER" && <TextField id="composer-waitReason" name="waitReason" label={text.waitReason} defaultValue={v.waitReason} error={state.errors.waitReason} />}
      {(priorities.length > 0 || lines.length > 0) && (
        <div className="grid gap-3 sm:grid-cols-2">
          {priorities.length > 0 && (
            <Select
              id="composer-priority"
              name="priority"
              label={text.priority}
              options={[{ value: "", label: text.priorityKeep }, ...priorities]}
              value={priority}
              onChange={(e) => setPriority(e.target.value)}
            />
          )}
          {lines.length > 0 && (
            <Select id="composer-line" name="line" label={text.line} options={[{ value: "", label: text.lineKeep }, ...lines]} value={line} onChange={(e) => setLine(e.target.value)} />
          )}
          {priority && <TextField id="composer-priorityReason" name="priorityReason" label={text.priorityReason} defaultValue={v.priorityReason} error={state.errors.priorityReason} />}
        </div>
      )}
      <div>
        <SubmitButton label={mode === "reply" ? text.submit : text.submitNote} pendingLabel={text.pending} />
      </div>
    </form>
  );
}
