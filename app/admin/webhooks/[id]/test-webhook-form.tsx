"use client";
/** "Send a test": posts a signed test message now and shows whether the receiver took it. */
import { useActionState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { StatusMessage } from "@/components/status-message";
import { SubmitButton } from "@/components/submit-button";
import { EMPTY_FORM } from "@/lib/forms/form-state";
import { submitTestWebhook } from "../actions";

export function TestWebhookForm({ webhookId, label, pending }: { webhookId: string; label: string; pending: string }) {
  const [state, action] = useActionState(submitTestWebhook, EMPTY_FORM);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="webhookId" value={webhookId} />
      <div data-testid="webhook-test-result">
        {state.result && <StatusMessage message={state.result} />}
        {state.message && <ErrorMessage message={state.message} />}
      </div>
      <div>
        <SubmitButton tone="secondary" label={label} pendingLabel={pending} />
      </div>
    </form>
  );
}
