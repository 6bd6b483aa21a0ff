import "server-only";
import type { Prisma } from "../../generated/prisma/client";

/**
 * Domain data (typed interfaces) for a Json column: a JSON round trip drops `undefined` fields,
 * which is what PostgreSQL will store anyway, and fails loudly on anything not serialisable.
 */
export function toJson(value: unknown): Prisma.InputJsonValue {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError("value is not JSON-serialisable");
  return JSON.parse(text) as Prisma.InputJsonValue;
}
