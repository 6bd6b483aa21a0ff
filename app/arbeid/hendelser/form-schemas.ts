/** The incidents page's form fields (strings) to use-case input: local times in TIME_ZONE, lists one a line. */
import { z } from "zod";
import { instantOfWallClock } from "@/lib/config/time-zone";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-01T10:30" (a datetime-local field) as an ISO instant in the configured zone; "" stays undefined. */
export function localInstant(value: string): string | undefined {
  const m = LOCAL.exec(value.trim());
  if (!m) return value.trim() === "" ? undefined : value.trim();
  return instantOfWallClock(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])).toISOString();
}

export const lines = (value: string) =>
  value
    .split(/[\r\n,]+/)
    .map((l) => l.trim())
    .filter(Boolean);

export const IncidentIdFormSchema = z.object({ id: z.uuid() });
