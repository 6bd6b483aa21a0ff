"use client";
/**
 * A compact opener for a less frequent ticket action (escalate, priority, phone call, security
 * flag, …): a button, optionally on a single key, that opens the action's form in a modal dialog
 * and focuses its first field, instead of every form stacked on the page.
 */
import { useRef, type ReactNode } from "react";
import { Button, type ButtonTone } from "./button";

export function ActionDialog({
  label,
  title,
  shortcut,
  tone = "secondary",
  close,
  children,
}: {
  label: string;
  title: string;
  shortcut?: string;
  tone?: ButtonTone;
  close: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button
        tone={tone}
        aria-haspopup="dialog"
        data-shortcut={shortcut}
        className="justify-start"
        onClick={() => {
          dialog.current?.showModal();
          dialog.current?.querySelector<HTMLElement>("textarea, select, input:not([type=hidden])")?.focus();
        }}
      >
        {label}
      </Button>
      <dialog ref={dialog} aria-label={title} className="m-auto w-full max-w-lg rounded-lg border border-slate-300 p-0 text-left shadow-xl backdrop:bg-slate-900/50">
        <div className="flex flex-col gap-2 p-2">
          {children}
          <div className="flex justify-end px-2 pb-2">
            <Button tone="secondary" onClick={() => dialog.current?.close()}>
              {close}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
