/** A new agreement version's credit scheme (issue 15): the fieldset's help and the claim rule in the diff. */
import { catalog } from "../catalog";

export const versions = catalog({
  nb: {
    creditHelp:
      "Fylt ut med siste versjons kreditering. Bare feltene for modellen du velger brukes. Rapporter for måneder før «gjelder fra» bruker fortsatt krediteringen som gjaldt da. Vedlikeholdsvinduer hører til avtalen, ikke til en versjon, og endres ikke her.",
    "diff.claimWithinDays": "Må kreves innen (dager)",
  },
  en: {
    creditHelp:
      "Filled in with the latest version's credit scheme. Only the fields of the scheme you choose are used. Reports for months before “valid from” keep the credit scheme in force then. Maintenance windows belong to the agreement, not to a version, and are not changed here.",
    "diff.claimWithinDays": "Must be claimed within (days)",
  },
});
