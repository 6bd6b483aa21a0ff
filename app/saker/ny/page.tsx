/**
 * /saker/ny: a customer's user registers a ticket — or, when their organisation lets only its
 * contact persons register cases and they are not one, reads why instead of a form that would fail.
 */
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { PRIORITIES } from "@/lib/sla/agreement";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { PageHeader } from "@/components/page-header";
import { withSession } from "@/lib/server/http/session";
import { NewTicketForm } from "./new-ticket-form";
import { filePickerText } from "@/lib/server/attachments/picker-text";
import { defaultContext, registrationRefusal } from "@/lib/server/tickets";
import { EmptyState } from "@/components/empty-state";
import { ButtonLink } from "@/components/button-link";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "portal.new.title") };
}

export default async function NewTicketPage() {
  const { actor, t } = await withSession("customer", "/saker/ny");
  const refusal = await registrationRefusal(defaultContext(), actor.userId);
  if (refusal) {
    return (
      <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
        <PageHeader title={t("portal.new.title")} />
        <div data-testid="contact-person-required">
          <EmptyState
            title={t("contacts.portal.title")}
            body={t("contacts.portal.body", { limit: refusal.contactPersonLimit })}
            action={<ButtonLink href="/saker">{t("contacts.portal.back")}</ButtonLink>}
          />
        </div>
      </main>
    );
  }
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
