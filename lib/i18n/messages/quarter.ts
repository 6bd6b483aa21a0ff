/** The monthly report under a quarterly service period (Sodvin 001 §7.2: the refund is settled per quarter). */
import { catalog } from "../catalog";

export const quarter = catalog({
  nb: {
    "note.soFar":
      "Refusjonen gjøres opp per kvartal ({months}), ikke per måned: ingen kredittlinje før kvartalets siste måned. Kvartalet så langt ({soFar}): driftstid {operating} t, nedetid {downtime} t.",
    "note.settled": "Refusjonen gjelder hele kvartalet ({months}): V = 3 × månedspris = {fee}, driftstid D = {operating} t og nedetid N = {downtime} t summert over kvartalets måneder.",
    "provider.settledLater": "gjøres opp for kvartalet",
  },
  en: {
    "note.soFar":
      "The refund is settled per quarter ({months}), not per month: no credit line until the quarter's last month. Quarter so far ({soFar}): operating time {operating} h, downtime {downtime} h.",
    "note.settled": "The refund covers the whole quarter ({months}): V = 3 × monthly fee = {fee}, operating hours D = {operating} h and downtime N = {downtime} h summed over the quarter's months.",
    "provider.settledLater": "settled for the quarter",
  },
});
