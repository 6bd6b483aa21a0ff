/** /admin/audit: the whole audit log for provider admins, with filters (lib/server/audit/list-audit-log.ts). */
import type { Metadata } from "next";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { withSession } from "@/lib/server/http/session";
import { AuditLogSection, type AuditSearch } from "../../audit-log-section";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "audit.log.adminTitle") };
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<AuditSearch> }) {
  const { actor, t } = await withSession("provider-admin", "/admin/audit");
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-10 sm:px-6">
      <AuditLogSection actor={actor} t={t} search={await searchParams} path="/admin/audit" heading={{ title: t("audit.log.adminTitle"), lead: () => t("audit.log.adminIntro") }} />
    </main>
  );
}
