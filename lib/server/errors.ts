import "server-only";
/**
 * Expected errors of the use cases, typed once and mapped to HTTP (and UI messages) in one place.
 * Anything else is unexpected: logged, and the user gets a plain message.
 */
export type ErrorCode = "bad_request" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "unprocessable" | "rate_limited";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
};

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Input that fails validation (zod issues by field). */
export const badRequest = (message: string, fields?: Record<string, string[]>) => new AppError("bad_request", message, fields);
/**
 * Something the actor may not see, or that does not exist: the same answer for both, so
 * existence never leaks across organisations. Also used for actions a role may not take on a
 * ticket it cannot see.
 */
export const notFound = (what = "Ticket") => new AppError("not_found", `${what} not found`);
/** The action does not fit the ticket's current state (e.g. reopening a closed ticket). */
export const conflict = (message: string) => new AppError("conflict", message);
/** Well-formed input the rules refuse (e.g. escalating to a lower line), or a role that may not do this. */
export const unprocessable = (message: string, fields?: Record<string, string[]>) => new AppError("unprocessable", message, fields);
