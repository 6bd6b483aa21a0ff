import type { CalendarSpec } from "./calendar";
import { calendarFor } from "./calendar";
import { validateCreditScheme, type CreditScheme } from "./credit";
import { SlaInputError } from "./errors";
import { toInstant } from "./business-time";

export type Priority = "P1" | "P2" | "P3" | "P4";
export const PRIORITIES: readonly Priority[] = ["P1", "P2", "P3", "P4"];

/** A response target: business minutes on a calendar. */
export interface ResponseTarget {
  minutes: number;
  calendar: CalendarSpec;
}

/** One version of an agreement, in force from `validFrom` until the next version's validFrom. */
export interface AgreementVersionSpec {
  id: string;
  agreementId: string;
  /** ISO instant. */
  validFrom: string;
  /** A missing priority is not covered by this version. */
  targets: Partial<Record<Priority, ResponseTarget>>;
  /** Fractions of the target at which to warn, e.g. [0.5, 0.75, 0.9]. */
  warningThresholds: number[];
  compliance: { minWithinTargetPercent: number };
  credit: CreditScheme;
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === "string" && (PRIORITIES as readonly string[]).includes(value);
}

/** Validates a version completely (calendars compiled, targets, thresholds, credit scheme). */
export function validateAgreementVersion(version: AgreementVersionSpec, field = "version"): void {
  if (version === null || typeof version !== "object") throw new SlaInputError(field, "expected an agreement version");
  if (typeof version.id !== "string" || version.id === "") throw new SlaInputError(`${field}.id`, "expected a non-empty id");
  toInstant(version.validFrom, `${field}.validFrom`);
  if (version.targets === null || typeof version.targets !== "object") throw new SlaInputError(`${field}.targets`, "expected targets per priority");
  for (const [p, target] of Object.entries(version.targets)) {
    if (!isPriority(p)) throw new SlaInputError(`${field}.targets.${p}`, "unknown priority (use P1–P4)");
    if (target === undefined) continue;
    if (typeof target.minutes !== "number" || !Number.isFinite(target.minutes) || target.minutes <= 0) {
      throw new SlaInputError(`${field}.targets.${p}.minutes`, `expected a target > 0 business minutes, got ${String(target.minutes)}`);
    }
    try {
      calendarFor(target.calendar);
    } catch (e) {
      if (e instanceof SlaInputError) throw new SlaInputError(`${field}.targets.${p}.calendar.${e.field}`, e.message.slice(e.field.length + 2));
      throw e;
    }
  }
  if (!Array.isArray(version.warningThresholds) || version.warningThresholds.some((t) => typeof t !== "number" || !(t > 0 && t < 1))) {
    throw new SlaInputError(`${field}.warningThresholds`, "expected fractions strictly between 0 and 1, e.g. [0.5, 0.75, 0.9]");
  }
  const min = version.compliance?.minWithinTargetPercent;
  if (typeof min !== "number" || !(min >= 0 && min <= 100)) {
    throw new SlaInputError(`${field}.compliance.minWithinTargetPercent`, `expected a percentage 0–100, got ${String(min)}`);
  }
  validateCreditScheme(version.credit, `${field}.credit`);
}

/** The version in force at `registeredAt`: the latest validFrom <= registeredAt. */
export function selectAgreementVersion<V extends Pick<AgreementVersionSpec, "validFrom">>(versions: readonly V[], registeredAt: Date): V {
  const t = toInstant(registeredAt, "registeredAt");
  if (!Array.isArray(versions) || versions.length === 0) throw new SlaInputError("versions", "expected at least one agreement version");
  let best: V | undefined;
  let bestFrom = -Infinity;
  const seen = new Set<number>();
  versions.forEach((v, i) => {
    const from = toInstant(v.validFrom, `versions[${i}].validFrom`);
    if (seen.has(from)) throw new SlaInputError(`versions[${i}].validFrom`, `two versions are valid from ${v.validFrom}`);
    seen.add(from);
    if (from <= t && from > bestFrom) {
      best = v;
      bestFrom = from;
    }
  });
  if (!best) {
    throw new SlaInputError("registeredAt", `no agreement version is in force at ${new Date(t).toISOString()} (the earliest starts ${versions.map((v) => v.validFrom).sort()[0]})`);
  }
  return best;
}
