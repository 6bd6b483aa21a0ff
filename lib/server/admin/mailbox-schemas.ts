import "server-only";
/** Inputs of managing the support mailboxes e-mail intake reads (issue 17): IMAP settings and where unknown senders go. */
import { z } from "zod";
import { safeString } from "../validation";

/** A host name or an IP address (IPv6 without brackets): letters, digits, dots, hyphens and colons only. */
const host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9._:-]+$/, "a host name such as outlook.office365.com");

const settings = {
  host,
  port: z.number().int().min(1).max(65535).default(993),
  /** Implicit TLS (IMAPS, usually port 993); false = plain, upgraded with STARTTLS when offered (port 143). */
  tls: z.boolean().default(true),
  username: safeString().trim().min(1).max(320),
  folder: safeString().trim().min(1).max(200).default("INBOX"),
};

const fields = {
  ...settings,
  name: safeString().trim().min(1).max(100),
  /** The support address customers write to; stored lower-cased. */
  address: z
    .email("an e-mail address such as support@example.com")
    .max(320)
    .transform((a) => a.toLowerCase()),
  /** The customer organisation mail from an unknown domain goes to; null = it waits for an agent. */
  defaultOrganizationId: z.uuid().nullable(),
};

export const CreateMailboxSchema = z.object({
  ...fields,
  password: safeString().min(1).max(1000),
});
export type CreateMailboxInput = z.input<typeof CreateMailboxSchema>;

export const UpdateMailboxSchema = z.object({
  ...fields,
  mailboxId: z.uuid(),
  active: z.boolean(),
  /** A new password; empty = keep the stored one. */
  password: safeString().max(1000).default(""),
});
export type UpdateMailboxInput = z.input<typeof UpdateMailboxSchema>;

export const SetMailboxActiveSchema = z.object({ mailboxId: z.uuid(), active: z.boolean() });
export type SetMailboxActiveInput = z.input<typeof SetMailboxActiveSchema>;

/**
 * "Test the connection": a saved mailbox as stored (only `mailboxId`), or the values of a form not
 * yet saved; an empty password with a `mailboxId` uses the stored one (the edit form never shows it).
 */
export const TestMailboxConnectionSchema = z.union([
  z.object({ mailboxId: z.uuid() }).strict(),
  z.object({ ...settings, mailboxId: z.uuid().nullable().default(null), password: safeString().max(1000).default("") }),
]);
export type TestMailboxConnectionInput = z.input<typeof TestMailboxConnectionSchema>;
