/** /admin: the provider admin's start page, linking to each section. */
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "@/lib/i18n/server";
import { t as translate, type MessageKey } from "@/lib/i18n";
import { PageHeader } from "@/components/page-header";
import { withSession } from "@/lib/server/http/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "admin.overview.title") };
}

const SECTIONS: Array<{ href: string; title: MessageKey; body: MessageKey }> = [
  { href: "/admin/organizations", title: "admin.overview.organizations", body: "admin.overview.organizationsBody" },
  { href: "/admin/users", title: "admin.overview.users", body: "admin.overview.usersBody" },
  { href: "/admin/agreements", title: "admin.overview.agreements", body: "admin.overview.agreementsBody" },
  { href: "/admin/calendars", title: "admin.overview.calendars", body: "admin.overview.calendarsBody" },
  { href: "/admin/workers", title: "admin.overview.workers", body: "admin.overview.workersBody" },
  { href: "/admin/webhooks", title: "orgs.hooks.title", body: "orgs.hooks.overviewBody" },
  { href: "/admin/audit", title: "audit.nav.audit", body: "audit.overview.body" },
  { href: "/admin/mailboxes", title: "mailboxes.title", body: "mailboxes.overviewBody" },
  { href: "/admin/vakt", title: "rota.title", body: "rota.overviewBody" },
];

export default async function AdminPage() {
  const { t } = await withSession("provider-admin", "/admin");
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <PageHeader title={t("admin.overview.title")} lead={t("admin.overview.intro")} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="flex h-full flex-col gap-1 rounded-lg border border-slate-300 bg-white p-5 hover:border-blue-800 focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-600"
            >
              <span className="text-lg font-semibold text-blue-800 underline underline-offset-2">{t(s.title)}</span>
              <span className="text-slate-700">{t(s.body)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
