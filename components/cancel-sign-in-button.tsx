"use client";
/** Leaves a sign-in that is half done (the second step): ends the session and goes back to the sign-in page. */
import { signOut } from "next-auth/react";

export function CancelSignInButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/signin" })} className="min-h-11 self-start text-blue-800 underline underline-offset-2">
      {label}
    </button>
  );
}
