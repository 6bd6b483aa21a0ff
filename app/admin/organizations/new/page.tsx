/** /admin/organizations/new: create a customer organisation with all its settings. */
import type { Metadata } from "next";
import { listAgreements } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { TIME_ZONE } from "@/lib/config/time-zone";
import { PageHeader } from "@/components/page-header";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../../back-link";
import { submitNewOrganization } from "../actions";
import { OrganizationForm } from "../organization-form";
import { organizationFormChoices } from "../organization-form-text";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "orgs.new.title") };
}

const DEFAULTS = { confirmationWindowHours: "120", onCallOption: "VAKTTELEFON", defaultEmailPriority: "P3", timeZone: TIME_ZONE, agreementId: "" };

export default async function NewOrganizationPage() {
  const { actor, t } = await withSession("provider-admin", "/admin/organizations/new");
  const agreements = await listAgreements({ actor, ctx: defaultContext() });
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin/organizations" label={t("admin.org.title")} />
      <PageHeader title={t("orgs.new.title")} lead={t("orgs.new.intro")} />
      <OrganizationForm action={submitNewOrganization} initial={DEFAULTS} creating {...organizationFormChoices(t, agreements, true)} />
    </main>
  );
}
