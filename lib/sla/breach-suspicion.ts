/**
 * Whether a ticket's text suggests a personal-data breach (003/004 §8.9): a plain keyword rule in
 * Norwegian and English, used to offer the agent the security flag on a P1, never to flag by itself.
 * A term matches at the start of a word (so "lekkasje" also finds "datalekkasjen" only through
 * its own entry, and "leak" finds "leaked" but not "bleak").
 */
const TERMS: readonly string[] = [
  // Norwegian
  "personopplysning",
  "personvern",
  "personnum",
  "fødselsnum",
  "datainnbrudd",
  "datalekkasje",
  "lekkasje",
  "lekket",
  "innbrudd",
  "uautorisert tilgang",
  "uvedkommende",
  "hacket",
  "hackere",
  "kompromittert",
  "løsepengevirus",
  "nettfisking",
  "sikkerhetsbrudd",
  "avvik personvern",
  // English
  "personal data",
  "personal information",
  "data breach",
  "security breach",
  "breach",
  "leak",
  "unauthorized access",
  "unauthorised access",
  "hacked",
  "compromised",
  "ransomware",
  "phishing",
  "exfiltrat",
  "gdpr",
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const PATTERNS = TERMS.map((term) => ({ term, re: new RegExp(`(^|[^\\p{L}\\p{N}])${escape(term).replace(/ /g, "\\s+")}`, "iu") }));

/** The terms found in the text (empty: nothing suggests a breach). */
export function breachSuspicionTerms(text: string): string[] {
  return PATTERNS.filter(({ re }) => re.test(text)).map(({ term }) => term);
}

/** A P1 whose title or description suggests a personal-data breach: the agent is offered the security flag. */
export function suggestsPersonalDataBreach(ticket: { priority: string; title: string; description: string }): boolean {
  return ticket.priority === "P1" && breachSuspicionTerms(`${ticket.title}\n${ticket.description}`).length > 0;
}
