/** The monthly SLA report (so far: the within-target figure; the rest of the report is Norwegian only). */
import { catalog } from "../catalog";

export const report = catalog({
  nb: {
    "withinTarget.label": "Innenfor responstid",
    "withinTarget.detail": "{met} av {measured} målte saker (krav {threshold}). Ikke talt med: {pending} venter, {excluded} unntatt, {notCovered} ikke dekket.",
    "withinTarget.noMeasured": "Ingen målte saker",
    "withinTarget.noMeasuredDetail":
      "Ingen sak ble besvart eller brøt responstiden denne måneden, så det er ingen andel å måle mot kravet ({threshold}). Ikke talt med: {pending} venter, {excluded} unntatt, {notCovered} ikke dekket.",
  },
  en: {
    "withinTarget.label": "Within response time",
    "withinTarget.detail": "{met} of {measured} measured tickets (required {threshold}). Not counted: {pending} pending, {excluded} excluded, {notCovered} not covered.",
    "withinTarget.noMeasured": "No measured tickets",
    "withinTarget.noMeasuredDetail":
      "No ticket was answered or breached its response time this month, so there is no share to measure against the requirement ({threshold}). Not counted: {pending} pending, {excluded} excluded, {notCovered} not covered.",
  },
});
