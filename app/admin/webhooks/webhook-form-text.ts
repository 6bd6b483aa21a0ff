import "server-only";
/** The webhook form's words and choices in the reader's language. */
import type { T } from "@/lib/server/http/session";
import type { OrganizationRow } from "@/lib/server/admin";
import { WEBHOOK_TEMPLATES } from "@/lib/server/webhooks";
import type { WebhookFormProps } from "./webhook-form";

export function webhookFormChoices(t: T, organizations: OrganizationRow[], editing: boolean): Omit<WebhookFormProps, "action" | "initial" | "editing"> {
  return {
    owners: [{ value: "", label: t("orgs.hooks.ownerProvider") }, ...organizations.filter((o) => !o.isProvider).map((o) => ({ value: o.id, label: o.name }))],
    templates: [...WEBHOOK_TEMPLATES],
    text: {
      name: t("orgs.hooks.name"),
      url: t("orgs.hooks.url"),
      urlHelp: t("orgs.hooks.urlHelp"),
      owner: t("orgs.hooks.owner"),
      templates: t("orgs.hooks.templates"),
      templatesHelp: t("orgs.hooks.templatesHelp"),
      secret: t(editing ? "orgs.hooks.newSecret" : "orgs.hooks.secret"),
      secretHelp: t(editing ? "orgs.hooks.newSecretHelp" : "orgs.hooks.secretHelp"),
      active: t("orgs.hooks.active"),
      submit: t(editing ? "orgs.hooks.save" : "orgs.hooks.create"),
      pending: t(editing ? "admin.form.saving" : "orgs.hooks.creating"),
      created: t("orgs.hooks.created"),
      secretOnce: t("orgs.hooks.secretOnce"),
      open: t("orgs.hooks.open"),
    },
  };
}
