import "server-only";
/** The organisation form's words and choices in the reader's language. */
import type { T } from "@/lib/server/http/session";
import { TIME_ZONE } from "@/lib/config/time-zone";
import type { AgreementRow } from "@/lib/server/admin";
import { ON_CALL_OPTIONS, PRIORITIES } from "@/lib/server/admin/organization-schemas";
import type { OrganizationFormProps } from "./organization-form";

export function organizationFormChoices(t: T, agreements: AgreementRow[], creating: boolean): Omit<OrganizationFormProps, "action" | "initial" | "creating"> {
  return {
    agreements: [{ value: "", label: t("orgs.field.noAgreement") }, ...agreements.map((a) => ({ value: a.id, label: a.name }))],
    onCallOptions: ON_CALL_OPTIONS.map((o) => ({ value: o, label: t(`orgs.field.onCall.${o}`) })),
    priorities: PRIORITIES.map((p) => ({ value: p, label: `${p} ${t(`common.priority.${p}`)}` })),
    text: {
      name: t("orgs.field.name"),
      orgNumber: t("orgs.field.orgNumber"),
      orgNumberHelp: t("orgs.field.orgNumberHelp"),
      domains: t("orgs.field.domains"),
      domainsHelp: t("orgs.field.domainsHelp"),
      agreement: t("orgs.field.agreement"),
      fee: t("orgs.field.fee"),
      feeHelp: t("orgs.field.feeHelp"),
      confirmation: t("orgs.field.confirmation"),
      confirmationHelp: t("orgs.field.confirmationHelp"),
      onCall: t("orgs.field.onCall"),
      onCallHelp: t("orgs.field.onCallHelp"),
      emailPriority: t("orgs.field.emailPriority"),
      contactLimit: t("orgs.field.contactLimit"),
      contactLimitHelp: t("contacts.limitHelp"),
      timeZone: t("orgs.field.timeZone"),
      timeZoneHelp: t("orgs.field.timeZoneHelp", { zone: TIME_ZONE }),
      prefix: t("orgs.field.prefix"),
      prefixHelp: t("orgs.field.prefixHelp"),
      submit: t(creating ? "orgs.new.submit" : "orgs.edit.submit"),
      pending: t(creating ? "orgs.new.pending" : "admin.form.saving"),
    },
  };
}
