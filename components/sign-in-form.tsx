"use client";
/**
 * E-mail + password through next-auth's credentials provider. A wrong password and a locked
 * account get the same message, so the form never tells which accounts exist or are locked.
 */
import { useRef, useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { Button } from "./button";
import { ErrorMessage } from "./error-message";
import { TextField } from "./text-field";

export interface SignInFormText {
  email: string;
  password: string;
  submit: string;
  pending: string;
  failed: string;
  rateLimited: string;
}

export function SignInForm({ text, callbackUrl, initialError }: { text: SignInFormText; callbackUrl: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      // Through the sign-in page: it sends a complete sign-in on to callbackUrl, and one that
      // still needs its second factor (two-factor sign-in) to that step first.
      window.location.assign(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      return;
    }
    setPending(false);
    setError(result?.status === 429 ? text.rateLimited : text.failed);
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate={false}>
      <div ref={errorRef} tabIndex={-1} className="outline-none">
        {error && <ErrorMessage id="signin-error" message={error} />}
      </div>
      <TextField id="email" name="email" type="email" label={text.email} autoComplete="username" required aria-errormessage={error ? "signin-error" : undefined} />
      <TextField id="password" name="password" type="password" label={text.password} autoComplete="current-password" required />
      <Button type="submit" disabled={pending}>
        {pending ? text.pending : text.submit}
      </Button>
    </form>
  );
}
