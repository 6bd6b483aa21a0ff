import "server-only";
/**
 * Demo organisations and people for `npm run db:seed` and `npm run demo`: the provider's staff
 * (every role and line) and three customer organisations on the seed agreements.
 */
import { createHash } from "node:crypto";
import { ScureBase32Plugin } from "otplib";
import type { OnCallOption, Role, SupportLine } from "../../generated/prisma/enums";

export const DEMO_PASSWORD = "Demo-passord-2026";

/**
 * The TOTP secret (base32) the demo gives a staff user (issue 15: staff must use two-factor
 * sign-in): derived from the address, so `npm run demo` can print it, `npm run cli -- totp` and the
 * browser tests can compute the current code. Public, like the demo password: demo data only.
 */
export function demoTotpSecret(email: string): string {
  return new ScureBase32Plugin().encode(createHash("sha1").update(`helpdesk-demo-totp:${email.toLowerCase()}`).digest());
}

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  supportLine?: SupportLine;
  isLineLead?: boolean;
  locale?: "nb" | "en";
  /** May register cases where the organisation lets only its contact persons do so (a contact person limit). */
  isContactPerson?: boolean;
}

export interface DemoOrganization {
  slug: string;
  name: string;
  isProvider?: boolean;
  ticketPrefix: string;
  /** Key of an agreement preset in lib/sla/presets. */
  agreementKey?: string;
  /** Monthly fee in øre. */
  monthlyFeeOre?: number;
  /** The on-call cover bought (000 §19); default the vakttelefon hours. */
  onCallOption?: OnCallOption;
  /** Most contact persons; default no limit. A limit lets only contact persons and customer admins register cases. */
  contactPersonLimit?: number;
  users: DemoUser[];
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    slug: "servicedesk",
    name: "Servicedesk AS",
    isProvider: true,
    ticketPrefix: "SD",
    users: [
      { email: "admin@servicedesk.example", name: "Anne Admin", role: "PROVIDER_ADMIN" },
      { email: "lise@servicedesk.example", name: "Lise Lund (1. linje, leder)", role: "AGENT", supportLine: "L1", isLineLead: true },
      { email: "jonas@servicedesk.example", name: "Jonas Berg (1. linje)", role: "AGENT", supportLine: "L1", locale: "en" },
      { email: "marte@servicedesk.example", name: "Marte Dahl (2. linje, leder)", role: "AGENT", supportLine: "L2", isLineLead: true },
      { email: "erik@servicedesk.example", name: "Erik Holm (3. linje, leder)", role: "AGENT", supportLine: "L3", isLineLead: true },
      { email: "vakt@servicedesk.example", name: "Vilde Vakt (vakttelefon)", role: "ONCALL" },
    ],
  },
  {
    slug: "nordlys",
    name: "Nordlys Eiendom AS",
    ticketPrefix: "NL",
    agreementKey: "netpower-ordinary",
    monthlyFeeOre: 25_000_00,
    users: [
      { email: "kari@nordlys.example", name: "Kari Nordmann", role: "END_USER" },
      { email: "per@nordlys.example", name: "Per Hansen", role: "END_USER" },
      { email: "ola@nordlys.example", name: "Ola Systemansvarlig", role: "CUSTOMER_ADMIN" },
    ],
  },
  {
    slug: "fjordvik",
    name: "Fjordvik Logistikk AS",
    ticketPrefix: "FV",
    agreementKey: "netpower-extended",
    monthlyFeeOre: 48_000_00,
    onCallOption: "ALWAYS",
    users: [
      { email: "ingrid@fjordvik.example", name: "Ingrid Fjeld", role: "END_USER" },
      { email: "admin@fjordvik.example", name: "Tor Systemansvarlig", role: "CUSTOMER_ADMIN", locale: "en" },
    ],
  },
  {
    slug: "bergheim",
    name: "Bergheim Regnskap AS",
    ticketPrefix: "BH",
    agreementKey: "pureservice",
    monthlyFeeOre: 12_500_00,
    contactPersonLimit: 3,
    users: [
      { email: "sara@bergheim.example", name: "Sara Berg", role: "END_USER", isContactPerson: true },
      { email: "admin@bergheim.example", name: "Nils Systemansvarlig", role: "CUSTOMER_ADMIN" },
      // Not a contact person: Bergheim's agreement (Pureservice, 3 contact persons) does not let him register cases.
      { email: "bjorn@bergheim.example", name: "Bjørn Bokfører", role: "END_USER" },
    ],
  },
];
