/** Contact persons who may register cases (issue 15; Pureservice 003 allows three). */
import { catalog } from "../catalog";

export const contacts = catalog({
  nb: {
    limitHelp:
      "Settes en grense, kan bare kontaktpersonene og kundens administratorer registrere saker (også når servicedesken registrerer på deres vegne). Pureservice: 3. Tomt = ingen grense, alle brukere kan registrere saker.",
    "rule.restricted": "Bare kontaktpersonene og kundens administratorer kan registrere saker for denne kunden.",
    "rule.open": "Alle brukere hos kunden kan registrere saker.",
    "portal.title": "Du kan ikke registrere saker",
    "portal.body":
      "Avtalen til organisasjonen din lar bare kontaktpersonene (høyst {limit}) og organisasjonens administratorer registrere saker hos servicedesken. Be en kontaktperson registrere saken for deg, eller be administratoren hos dere gjøre deg til kontaktperson.",
    "portal.refused": "Du er ikke kontaktperson: avtalen til organisasjonen din lar bare kontaktpersonene og administratorene registrere saker.",
    "portal.back": "Til sakene dine",
  },
  en: {
    limitHelp:
      "With a limit, only the contact persons and the customer's admins may register cases (also when the servicedesk registers on their behalf). Pureservice: 3. Empty = no limit, every user may register cases.",
    "rule.restricted": "Only the contact persons and the customer's admins may register cases for this customer.",
    "rule.open": "Every user of the customer may register cases.",
    "portal.title": "You cannot register cases",
    "portal.body":
      "Your organisation's agreement lets only its contact persons (at most {limit}) and its admins register cases with the servicedesk. Ask a contact person to register the case for you, or ask your admin to make you a contact person.",
    "portal.refused": "You are not a contact person: your organisation's agreement lets only its contact persons and admins register cases.",
    "portal.back": "To your cases",
  },
});
