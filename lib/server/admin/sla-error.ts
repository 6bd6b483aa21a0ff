import "server-only";
/** Turns the SLA engine's SlaInputError into an AppError on a form field, keeping the library's words. */
import { SlaInputError } from "../../sla";
import { unprocessable } from "../errors";

/** The text after "field: " in the library's message. */
export const slaMessageOf = (error: SlaInputError): string => error.message.slice(error.field.length + 2);

export function rethrowSlaError(error: unknown, fieldOf: (slaField: string) => string): never {
  if (error instanceof SlaInputError) {
    const field = fieldOf(error.field);
    throw unprocessable(error.message, { [field]: [slaMessageOf(error)] });
  }
  throw error;
}
