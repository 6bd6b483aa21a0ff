"use client";
/**
 * Asks before a destructive action: the button opens a modal <dialog> (no window.confirm) that
 * says what will happen; only its confirm button submits the form to the server action.
 */
import { useRef } from "react";
import { Button, type ButtonTone } from "./button";

export interface ConfirmDialogProps {
  /** The server action the confirmed form posts to. */
  action: (form: FormData) => void | Promise<void>;
  hidden: Record<string, string>;
  /** The button that opens the dialog, and its accessible name. */
  label: string;
  ariaLabel?: string;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  /** The opener's tone (danger by default) and the single key that opens it (components/agent-shortcuts.tsx). */
  tone?: ButtonTone;
  shortcut?: string;
}

export function ConfirmDialog({ action, hidden, label, ariaLabel, title, body, confirm, cancel, tone = "danger", shortcut }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button
        tone={tone}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        data-shortcut={shortcut}
        onClick={() => {
          dialog.current?.showModal();
          // Reached by a key, the dialog is answered by keys too: Enter confirms, Escape cancels.
          if (shortcut) dialog.current?.querySelector<HTMLButtonElement>("button[type=submit]")?.focus();
        }}
      >
        {label}
      </Button>
      <dialog ref={dialog} aria-label={title} className="m-auto max-w-md rounded-lg border border-slate-300 p-6 text-left shadow-xl backdrop:bg-slate-900/50">
        <form action={action} className="flex flex-col gap-4">
          <h2 className="text-xl font-semibold">{title}</h2>
          <p className="text-slate-700">{body}</p>
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="flex flex-wrap justify-end gap-3">
            <Button tone="secondary" onClick={() => dialog.current?.close()}>
              {cancel}
            </Button>
            <Button type="submit" tone={tone}>
              {confirm}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
