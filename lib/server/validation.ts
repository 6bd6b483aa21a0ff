import "server-only";
import { z } from "zod";
import { badRequest } from "./errors";

/** Parses input at a use case's edge; a failure is a 400 with the message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  throw badRequest("Invalid input", fields);
}

/**
 * Text that PostgreSQL can store and every reader can show: no NUL character and no unpaired
 * UTF-16 surrogate (issue 14: both used to end in a 500). Used by every text input.
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSAFE_TEXT_MESSAGE = "must not contain NUL characters or unpaired surrogates";
export const isSafeText = (s: string): boolean => !s.includes("\u0000") && !UNPAIRED_SURROGATE.test(s);

/** A string without NUL or unpaired surrogates (message overridable, e.g. a catalogue key). */
export const safeString = (message = UNSAFE_TEXT_MESSAGE) => z.string().refine(isSafeText, message);

/** An ISO 8601 instant with an offset, between 1970 and 9999 (PostgreSQL and people can read it), as a Date. */
export const InstantSchema = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 9999, "must be between 1970 and 9999");
