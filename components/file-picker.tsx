"use client";
/**
 * Files for a message: a file picker, a drop zone, and a screenshot pasted into the text box
 * (`pasteTarget`) all end up in the one `<input type="file" name="files">` the form posts.
 */
import { useEffect, useRef, useState } from "react";
import { interpolate } from "@/lib/i18n";

export interface FilePickerText {
  label: string;
  /** With {maxFiles} and {maxMb} filled in by the page. */
  help: string;
  chosen: string;
  /** "Remove {name}" */
  remove: string;
  /** The name given to a pasted screenshot: "screenshot-{n}.png" */
  pasted: string;
}

export function FilePicker({ id, text, pasteTarget, error }: { id: string; text: FilePickerText; pasteTarget: string; error?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  const [over, setOver] = useState(false);

  const current = () => Array.from(input.current?.files ?? []);
  const set = (files: File[]) => {
    const list = new DataTransfer();
    for (const f of files) list.items.add(f);
    if (input.current) input.current.files = list.files;
    setNames(files.map((f) => f.name));
  };
  const add = (more: File[]) => set([...current(), ...more]);

  useEffect(() => {
    const target = document.getElementById(pasteTarget);
    if (!target) return;
    let pastedCount = 0;
    const onPaste = (event: ClipboardEvent) => {
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length === 0) return; // text is pasted as usual
      event.preventDefault();
      const named = files.map((f) => (f.type.startsWith("image/") ? new File([f], interpolate(text.pasted, { n: ++pastedCount }), { type: f.type }) : f));
      const list = new DataTransfer();
      for (const f of [...Array.from(input.current?.files ?? []), ...named]) list.items.add(f);
      if (input.current) input.current.files = list.files;
      setNames(Array.from(list.files).map((f) => f.name));
    };
    target.addEventListener("paste", onPaste);
    return () => target.removeEventListener("paste", onPaste);
  }, [pasteTarget, text.pasted]);

  return (
    <div
      className={`flex flex-col gap-2 rounded-md border-2 border-dashed p-3 ${over ? "border-blue-700 bg-blue-50" : "border-slate-300"}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        add(Array.from(e.dataTransfer.files));
      }}
      data-testid={`${id}-drop`}
    >
      <label htmlFor={id} className="font-medium text-slate-900">
        {text.label}
      </label>
      <p id={`${id}-help`} className="text-sm text-slate-700">
        {text.help}
      </p>
      <input ref={input} id={id} type="file" name="files" multiple aria-describedby={`${id}-help`} onChange={() => setNames(current().map((f) => f.name))} className="text-sm" />
      {names.length > 0 && (
        <ul aria-label={text.chosen} className="flex flex-col gap-1 text-sm">
          {names.map((name, i) => (
            <li key={`${name}-${i}`} className="flex items-center gap-2">
              <span>{name}</span>
              <button type="button" className="text-blue-800 underline" onClick={() => set(current().filter((_, j) => j !== i))}>
                {interpolate(text.remove, { name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
