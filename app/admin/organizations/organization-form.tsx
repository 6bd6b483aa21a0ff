"use client";
/**
 * An organisation's settings, for creating one (with its ticket prefix) or editing it: every field
 * has a stable id (org-name, org-number, org-domains, org-agreement, …) and a visible label.
 */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { Select, type SelectOption } from "@/components/select";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";

export interface OrganizationFormText {
  name: string;
  orgNumber: string;
  orgNumberHelp: string;
  domains: string;
  domainsHelp: string;
  agreement: string;
  fee: string;
  feeHelp: string;
  confirmation: string;
  confirmationHelp: string;
  onCall: string;
  onCallHelp: string;
  emailPriority: string;
  contactLimit: string;
  contactLimitHelp: string;
  timeZone: string;
  timeZoneHelp: string;
  prefix: string;
  prefixHelp: string;
  submit: string;
  pending: string;
}

export interface OrganizationFormProps {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** The saved values (editing) or the defaults (creating), as the form's strings. */
  initial: Record<string, string>;
  /** Creating: the ticket prefix is asked for (it is part of every reference and never changes). */
  creating: boolean;
  agreements: SelectOption[];
  onCallOptions: SelectOption[];
  priorities: SelectOption[];
  text: OrganizationFormText;
}

export function OrganizationForm({ action: submit, initial, creating, agreements, onCallOptions, priorities, text }: OrganizationFormProps) {
  const [state, action] = useActionState(submit, EMPTY_FORM);
  const sent = Object.keys(state.values).length > 0;
  const value = (field: string) => (sent ? state.values[field] : initial[field]) ?? "";
  const e = state.errors;
  return (
    <ActionForm state={state} action={action} hidden={initial.organizationId ? { organizationId: initial.organizationId } : {}} submit={text.submit} pending={text.pending} spacious>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="org-name" name="name" label={text.name} error={e.name} defaultValue={value("name")} required autoComplete="organization" />
        <TextField id="org-number" name="orgNumber" label={text.orgNumber} help={text.orgNumberHelp} error={e.orgNumber} defaultValue={value("orgNumber")} inputMode="numeric" />
        <TextField id="org-domains" name="emailDomains" label={text.domains} help={text.domainsHelp} error={e.emailDomains} defaultValue={value("emailDomains")} autoCapitalize="none" />
        <Select id="org-agreement" name="agreementId" label={text.agreement} error={e.agreementId} options={agreements} defaultValue={value("agreementId")} />
        <TextField id="org-fee" name="monthlyFee" label={text.fee} help={text.feeHelp} error={e.monthlyFee} defaultValue={value("monthlyFee")} inputMode="decimal" />
        <TextField
          id="org-confirmation"
          name="confirmationWindowHours"
          label={text.confirmation}
          help={text.confirmationHelp}
          error={e.confirmationWindowHours}
          defaultValue={value("confirmationWindowHours")}
          inputMode="numeric"
          required
        />
        <Select id="org-oncall" name="onCallOption" label={text.onCall} help={text.onCallHelp} error={e.onCallOption} options={onCallOptions} defaultValue={value("onCallOption")} />
        <Select id="org-email-priority" name="defaultEmailPriority" label={text.emailPriority} error={e.defaultEmailPriority} options={priorities} defaultValue={value("defaultEmailPriority")} />
        <TextField
          id="org-contact-limit"
          name="contactPersonLimit"
          label={text.contactLimit}
          help={text.contactLimitHelp}
          error={e.contactPersonLimit}
          defaultValue={value("contactPersonLimit")}
          inputMode="numeric"
        />
        <TextField id="org-timezone" name="timeZone" label={text.timeZone} help={text.timeZoneHelp} error={e.timeZone} defaultValue={value("timeZone")} autoCapitalize="none" required />
        {creating && (
          <TextField id="org-prefix" name="ticketPrefix" label={text.prefix} help={text.prefixHelp} error={e.ticketPrefix} defaultValue={value("ticketPrefix")} autoCapitalize="characters" />
        )}
      </div>
    </ActionForm>
  );
}
