/** /saker/ny: a customer's user registers a ticket. */
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { PRIORITIES } from "@/lib/sla/agreement";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { PageHeader } from "@/components/page-header";
import { withSession } from "@/lib/server/http/session";
import { NewTicketForm } from "./new-ticket-form";
import { filePickerText } from "@/lib/server/attachments/picker-text";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "portal.new.title") };
}

export default async function NewTicketPage() {
  const { t } = await withSession("customer", "/saker/ny");
  const priorities = PRIORITIES.map((code) => ({
    code,
    name: t(`common.priority.${code}`),
    description: t(`portal.priority.${code}.description`),
    examples: t("portal.new.examples", { examples: t(`portal.priority.${code}.examples`) }),
  }));
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <PageHeader title={t("portal.new.title")} lead={t("portal.new.intro")} />
      <NewTicketForm
        formToken={randomUUID()}
        priorities={priorities}
        text={{
          title: t("portal.new.titleLabel"),
          titleHelp: t("portal.new.titleHelp"),
          description: t("portal.new.description"),
          descriptionHelp: t("portal.new.descriptionHelp"),
          priority: t("portal.new.priority"),
          priorityHelp: t("portal.new.priorityHelp"),
          submit: t("portal.new.submit"),
          pending: t("portal.new.pending"),
          files: filePickerText(t),
        }}
      />
    </main>
  );
}
