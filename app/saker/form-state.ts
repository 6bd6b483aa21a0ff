/** What a ticket form's server action hands back: the typed values, errors by field, a message. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  message: string | null;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {}, message: null };
