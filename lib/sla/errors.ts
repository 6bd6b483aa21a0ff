/**
 * Typed errors of the SLA engine. Every bad input is rejected with one of these,
 * naming the field that is wrong, instead of producing a wrong deadline.
 */
export class SlaInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "SlaInputError";
    this.field = field;
  }
}

/** A calendar that has no open time left within the search horizon (adding minutes would never finish). */
export class SlaHorizonError extends SlaInputError {
  constructor(message: string) {
    super("calendar", message);
    this.name = "SlaHorizonError";
  }
}
