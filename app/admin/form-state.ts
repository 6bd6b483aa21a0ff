/** What an admin form's server action hands back: the typed values, errors by field, a message, a result. */
export interface AdminFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  message: string | null;
  /** Something to show once after success (a new API token). */
  result?: string | null;
}

/**
 * Forms are keyed by the values sent back, so a refused form remounts with them: React resets a form
 * after its action, and a select or checkbox would otherwise fall back to its first default.
 */
export const EMPTY_ADMIN_FORM: AdminFormState = { values: {}, errors: {}, message: null, result: null };
