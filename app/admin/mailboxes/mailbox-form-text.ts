import "server-only";
/** The mailbox form's words and choices in the reader's language. */
import type { T } from "@/lib/server/http/session";
import type { OrganizationRow } from "@/lib/server/admin";
import type { MailboxFormProps } from "./mailbox-form";

export function mailboxFormChoices(t: T, organizations: OrganizationRow[], editing: boolean): Pick<MailboxFormProps, "organizations" | "text"> {
  return {
    organizations: [{ value: "", label: t("mailboxes.field.organizationNone") }, ...organizations.filter((o) => !o.isProvider).map((o) => ({ value: o.id, label: o.name }))],
    text: {
      name: t("mailboxes.field.name"),
      nameHelp: t("mailboxes.field.nameHelp"),
      address: t("mailboxes.field.address"),
      addressHelp: t("mailboxes.field.addressHelp"),
      host: t("mailboxes.field.host"),
      hostHelp: t("mailboxes.field.hostHelp"),
      port: t("mailboxes.field.port"),
      portHelp: t("mailboxes.field.portHelp"),
      tls: t("mailboxes.field.tls"),
      username: t("mailboxes.field.username"),
      password: t(editing ? "mailboxes.field.passwordKeep" : "mailboxes.field.password"),
      passwordHelp: t(editing ? "mailboxes.field.passwordKeepHelp" : "mailboxes.field.passwordHelp"),
      folder: t("mailboxes.field.folder"),
      folderHelp: t("mailboxes.field.folderHelp"),
      organization: t("mailboxes.field.organization"),
      organizationHelp: t("mailboxes.field.organizationHelp"),
      active: t("mailboxes.field.active"),
      submit: t(editing ? "mailboxes.save" : "mailboxes.create"),
      pending: t(editing ? "mailboxes.saving" : "mailboxes.creating"),
      test: t("mailboxes.test.button"),
      testing: t("mailboxes.test.testing"),
      testHelp: t("mailboxes.test.help"),
    },
  };
}
