import "server-only";
/**
 * The REST API's response shapes, mapped once: data as JSON, expected errors as
 * `{error: {code, message, fields?}}` with the status of HTTP_STATUS, validation failures as 400
 * with the issues by field, and anything else as a plain 500 (logged here, never with a stack).
 */
import { z } from "zod";
import { AppError, HTTP_STATUS, type ErrorCode } from "../errors";

export interface ErrorBody {
  error: { code: ErrorCode | "internal"; message: string; fields?: Record<string, string[]> };
}

const NO_STORE = { "cache-control": "no-store" };

export function json(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(NO_STORE)) if (!headers.has(name)) headers.set(name, value);
  return Response.json(body, { status: init.status ?? 200, headers });
}

/** zod issues by dotted path ("_" for the input as a whole). */
export function fieldsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function errorResponse(error: unknown, headers: HeadersInit = {}): Response {
  const out = new Headers(headers);
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
    if (error.code === "rate_limited") out.set("retry-after", String(error.retryAfterSeconds ?? 60));
    if (error.code === "unauthenticated") out.set("www-authenticate", 'Bearer realm="helpdesk"');
    return json(body, { status: HTTP_STATUS[error.code], headers: out });
  }
  if (error instanceof z.ZodError) {
    const body: ErrorBody = { error: { code: "bad_request", message: "The request is not valid", fields: fieldsOf(error) } };
    return json(body, { status: HTTP_STATUS.bad_request, headers: out });
  }
  console.error("Unexpected error in the REST API:", error);
  const body: ErrorBody = { error: { code: "internal", message: "Something went wrong" } };
  return json(body, { status: 500, headers: out });
}
