/** A link that looks like a button (navigation, not an action). */
import Link from "next/link";
import type { ComponentProps } from "react";
import { BUTTON_BASE, BUTTON_CLASSES, type ButtonTone } from "./button";

export function ButtonLink({ tone = "secondary", className = "", ...props }: ComponentProps<typeof Link> & { tone?: ButtonTone }) {
  return <Link className={`${BUTTON_BASE} ${BUTTON_CLASSES[tone]} ${className}`} {...props} />;
}
