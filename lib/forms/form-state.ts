/**
 * What every form's server action hands back (lib/server/http/action.ts builds it): the typed
 * values, errors by field, one message on top, and something to show once after success (a new
 * API token). Safe in client components, which start from EMPTY_FORM.
 */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  message: string | null;
  result?: string | null;
}

/**
 * Forms are keyed by the values sent back, so a refused form remounts with them: React resets a form
 * after its action, and a select or checkbox would otherwise fall back to its first default.
 */
export const EMPTY_FORM: FormState = { values: {}, errors: {}, message: null, result: null };
