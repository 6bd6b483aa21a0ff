/** A button in one of three tones; the text comes from the caller (the catalogue). */
import type { ButtonHTMLAttributes } from "react";

export type ButtonTone = "primary" | "secondary" | "danger";

export const BUTTON_CLASSES: Record<ButtonTone, string> = {
  primary: "bg-blue-800 text-white hover:bg-blue-900 disabled:bg-slate-400",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100 disabled:text-slate-500",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400",
};
export const BUTTON_BASE =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-base font-medium focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed";

export function Button({ tone = "primary", className = "", type = "button", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: ButtonTone }) {
  return <button type={type} className={`${BUTTON_BASE} ${BUTTON_CLASSES[tone]} ${className}`} {...props} />;
}
