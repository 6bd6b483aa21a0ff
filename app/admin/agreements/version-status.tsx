/** Whether a version is in force now, replaced, or still to come. */
import type { Translate } from "@/lib/i18n";
import { Badge } from "@/components/badge";

export type VersionState = "inForce" | "future" | "past";

/** Versions oldest first: the last one with validFrom <= now is in force. */
export function versionStates(validFroms: Date[], now: Date): VersionState[] {
  let current = -1;
  validFroms.forEach((v, i) => {
    if (v <= now) current = i;
  });
  return validFroms.map((_, i) => (i === current ? "inForce" : i < current ? "past" : "future"));
}

export function VersionStatus({ state, t }: { state: VersionState; t: Translate }) {
  return <Badge tone={state === "inForce" ? "success" : state === "future" ? "info" : "neutral"}>{t(`admin.agr.${state}`)}</Badge>;
}
