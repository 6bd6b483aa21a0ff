/** Which pages each role's menu links to (some are built by other parts of the app). */
import type { Role } from "@/lib/generated/prisma/enums";
import type { MessageKey } from "@/lib/i18n";

export interface NavItem {
  href: string;
  label: MessageKey;
}

export const NAV_BY_ROLE: Record<Role, NavItem[]> = {
  END_USER: [
    { href: "/saker", label: "common.nav.myTickets" },
    { href: "/saker/ny", label: "common.nav.newTicket" },
    { href: "/status", label: "incidents.nav.status" },
  ],
  CUSTOMER_ADMIN: [
    { href: "/saker", label: "common.nav.tickets" },
    { href: "/saker/ny", label: "common.nav.newTicket" },
    { href: "/reports", label: "common.nav.slaReport" },
    { href: "/organisasjon/brukere", label: "account.nav.users" },
    { href: "/organisasjon/tokens", label: "audit.nav.tokens" },
    { href: "/organisasjon/logg", label: "audit.nav.log" },
    { href: "/status", label: "incidents.nav.status" },
  ],
  AGENT: [
    { href: "/arbeid", label: "common.nav.workspace" },
    { href: "/arbeid/hendelser", label: "incidents.nav.incidents" },
  ],
  ONCALL: [{ href: "/vakt", label: "common.nav.oncall" }],
  PROVIDER_ADMIN: [
    { href: "/admin", label: "common.nav.admin" },
    { href: "/admin/workers", label: "common.nav.workers" },
    { href: "/reports/provider", label: "common.nav.providerReports" },
    { href: "/admin/audit", label: "audit.nav.audit" },
    { href: "/arbeid/hendelser", label: "incidents.nav.incidents" },
  ],
};

/** Where a role starts after signing in. */
export const homeFor = (role: Role): string => NAV_BY_ROLE[role][0]?.href ?? "/";
