/**
 * Turning something off or back on (an organisation, a user, an organisation's own sign-in): while
 * it is active, a danger button that asks in a ConfirmDialog before it is turned off; while it is
 * not, a plain button that turns it back on at once (nothing is lost by that).
 */
import { Button } from "./button";
import { ConfirmDialog, type ConfirmDialogProps } from "./confirm-dialog";

export interface ReactivateProps {
  /** The server action the button posts to, with the hidden fields that name what to turn on. */
  action: (form: FormData) => void | Promise<void>;
  hidden: Record<string, string>;
  label: string;
}

export function DeactivateOrReactivate({ active, deactivate, reactivate }: { active: boolean; deactivate: ConfirmDialogProps; reactivate: ReactivateProps }) {
  if (active) return <ConfirmDialog {...deactivate} />;
  return (
    <form action={reactivate.action}>
      {Object.entries(reactivate.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit">{reactivate.label}</Button>
    </form>
  );
}
