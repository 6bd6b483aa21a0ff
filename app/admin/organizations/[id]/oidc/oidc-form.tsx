"use client";
/** An organisation's OIDC identity provider: issuer, client, the secret (write-only), and the Entra ID tenant. */
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/action-form";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";

export interface OidcFormText {
  displayName: string;
  displayNameHelp: string;
  issuer: string;
  issuerHelp: string;
  clientId: string;
  clientSecret: string;
  clientSecretHelp: string;
  entraId: string;
  entraIdHelp: string;
  tenantId: string;
  tenantIdHelp: string;
  domains: string;
  domainsHelp: string;
  submit: string;
  pending: string;
}

export function OidcForm({ action: submit, initial, text }: { action: (state: FormState, form: FormData) => Promise<FormState>; initial: Record<string, string>; text: OidcFormText }) {
  const [state, action] = useActionState(submit, EMPTY_FORM);
  const sent = Object.keys(state.values).length > 0;
  const value = (field: string) => (sent ? state.values[field] : initial[field]) ?? "";
  const [entra, setEntra] = useState(value("entraId") === "on");
  return (
    <ActionForm state={state} action={action} hidden={{ organizationId: initial.organizationId ?? "" }} submit={text.submit} pending={text.pending}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="oidc-display-name"
          name="displayName"
          label={text.displayName}
          help={text.displayNameHelp}
          error={state.errors.displayName}
          defaultValue={value("displayName")}
          maxLength={100}
          required
        />
        <TextField id="oidc-client-id" name="clientId" label={text.clientId} error={state.errors.clientId} defaultValue={value("clientId")} autoCapitalize="none" autoComplete="off" required />
      </div>
      <TextField id="oidc-issuer" name="issuer" type="url" label={text.issuer} help={text.issuerHelp} error={state.errors.issuer} defaultValue={value("issuer")} autoCapitalize="none" required />
      <TextField id="oidc-client-secret" name="clientSecret" type="password" label={text.clientSecret} help={text.clientSecretHelp} error={state.errors.clientSecret} autoComplete="new-password" />
      <div className="flex flex-col gap-1">
        <div className="flex items-center gap-3">
          <input id="oidc-entra" name="entraId" type="checkbox" checked={entra} onChange={(e) => setEntra(e.target.checked)} aria-describedby="oidc-entra-help" className="size-6 accent-blue-800" />
          <label htmlFor="oidc-entra" className="font-medium">
            {text.entraId}
          </label>
        </div>
        <p id="oidc-entra-help" className="text-sm text-slate-700">
          {text.entraIdHelp}
        </p>
      </div>
      {entra && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id="oidc-tenant-id"
            name="entraTenantId"
            label={text.tenantId}
            help={text.tenantIdHelp}
            error={state.errors.entraTenantId}
            defaultValue={value("entraTenantId")}
            autoCapitalize="none"
            autoComplete="off"
          />
          <TextField
            id="oidc-domains"
            name="verifiedDomains"
            label={text.domains}
            help={text.domainsHelp}
            error={state.errors.verifiedDomains}
            defaultValue={value("verifiedDomains")}
            autoCapitalize="none"
          />
        </div>
      )}
    </ActionForm>
  );
}
