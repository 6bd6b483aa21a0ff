/** /arbeid/ny: a phone call (or a visit) registered as a ticket on a customer's behalf (issue 19). */
import type { Metadata } from "next";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { defaultContext } from "@/lib/server/tickets";
import { listCallers } from "@/lib/server/tickets/list-callers";
import { MAX_BACKDATE_MINUTES } from "@/lib/server/tickets/register-ticket";
import { PrioritySchema } from "@/lib/server/tickets/schemas";
import { withSession } from "@/lib/server/http/session";
import { ButtonLink } from "@/components/button-link";
import { PageHeader } from "@/components/page-header";
import { RegisterCallForm } from "@/components/register-call-form";
import { submitRegisterCall } from "../workspace-actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "assignment.register.title") };
}

export default async function RegisterCallPage() {
  const { actor, t } = await withSession("staff", "/arbeid/ny");
  const organizations = await listCallers({ actor, ctx: defaultContext() });
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-5 px-4 py-8 sm:px-6">
      <PageHeader title={t("assignment.register.title")} lead={t("assignment.register.intro")} actions={<ButtonLink href="/arbeid">{t("agent.ticket.backToQueue")}</ButtonLink>} />
      <RegisterCallForm
        formAction={submitRegisterCall}
        organizations={organizations}
        priorities={PrioritySchema.options.map((p) => ({ value: p, label: `${p} ${t(`common.priority.${p}`)}` }))}
        maxMinutes={MAX_BACKDATE_MINUTES}
        text={{
          organization: t("assignment.register.organization"),
          chooseOrganization: t("assignment.register.chooseOrganization"),
          requester: t("assignment.register.requester"),
          chooseRequester: t("assignment.register.chooseRequester"),
          newContact: t("assignment.register.newContact"),
          contactName: t("assignment.register.contactName"),
          contactEmail: t("assignment.register.contactEmail"),
          contactPhone: t("assignment.register.contactPhone"),
          contactInvite: t("assignment.register.contactInvite"),
          title: t("assignment.register.subject"),
          description: t("assignment.register.description"),
          priority: t("assignment.register.priority"),
          channel: t("assignment.register.channel"),
          minutesAgo: t("assignment.register.minutesAgo"),
          minutesAgoHelp: t("assignment.register.minutesAgoHelp", { max: MAX_BACKDATE_MINUTES }),
          reason: t("assignment.register.reason"),
          submit: t("assignment.register.submit"),
          pending: t("assignment.register.pending"),
        }}
      />
    </main>
  );
}
