/** /organisasjon/logg: a customer admin's view of the audit log, their own organisation's rows only (lib/server/audit/list-audit-log.ts). */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { withSession } from "@/lib/server/http/session";
import { AuditLogSection, type AuditSearch } from "../../audit-log-section";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "audit.log.orgTitle") };
}

export default async function OrganizationLogPage({ searchParams }: { searchParams: Promise<AuditSearch> }) {
  const { actor, t } = await withSession("customer", "/organisasjon/logg");
  if (actor.role !== "CUSTOMER_ADMIN") notFound();
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-10 sm:px-6">
      <AuditLogSection
        actor={actor}
        t={t}
        search={await searchParams}
        path="/organisasjon/logg"
        heading={{ title: t("audit.log.orgTitle"), lead: (organization) => t("audit.log.orgIntro", { organization }) }}
      />
    </main>
  );
}
