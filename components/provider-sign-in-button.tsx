"use client";
/** Sign-in with the customer's identity provider (shown only when it is configured). */
import { signIn } from "next-auth/react";
import { Button } from "./button";

export function ProviderSignInButton({ providerId, label, callbackUrl }: { providerId: string; label: string; callbackUrl: string }) {
  return (
    <Button tone="secondary" onClick={() => void signIn(providerId, { callbackUrl })}>
      {label}
    </Button>
  );
}
