/** A customer admin's switch: require two-factor sign-in for every user of the organisation. */
import { SubmitButton } from "./submit-button";

export interface OrganizationTwoFactorText {
  title: string;
  help: string;
  label: string;
  submit: string;
  pending: string;
}

export function OrganizationTwoFactorForm({ action, required, text }: { action: (form: FormData) => Promise<void>; required: boolean; text: OrganizationTwoFactorText }) {
  return (
    <form action={action} aria-labelledby="org-two-factor" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
      <h2 id="org-two-factor" className="text-xl font-semibold">
        {text.title}
      </h2>
      <p id="org-two-factor-help" className="text-sm text-slate-700">
        {text.help}
      </p>
      <label className="flex min-h-11 items-center gap-3">
        {/* Checked sends "on" first; unchecked sends only the hidden "off". */}
        <input type="checkbox" name="requireTwoFactor" value="on" defaultChecked={required} aria-describedby="org-two-factor-help" className="h-5 w-5" />
        <span>{text.label}</span>
      </label>
      <input type="hidden" name="requireTwoFactor" value="off" />
      <div>
        <SubmitButton label={text.submit} pendingLabel={text.pending} />
      </div>
    </form>
  );
}
