"use client";
/** Signs out through next-auth and lands on the sign-in page. */
import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/signin" })}
      className="min-h-11 rounded-md px-3 py-2 font-medium text-white underline-offset-4 hover:underline focus-visible:outline focus-visible:outline-3 focus-visible:outline-white"
    >
      {label}
    </button>
  );
}
