import "server-only";
/** Outgoing mail over SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. */
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { Env } from "../../config/env";

export interface MailTransport {
  /** The From address of every notification (MAIL_FROM). */
  from: string;
  /** Right-hand side of Message-IDs: `<notification id@domain>`. */
  messageIdDomain: string;
  /** Reply-To of ticket mail when no active support mailbox is configured (MAIL_REPLY_TO). */
  replyTo?: string;
  sendMail(mail: SendMailOptions): Promise<unknown>;
  close(): void;
}

/** The domain of the address in MAIL_FROM ("Helpdesk <helpdesk@example.no>" → "example.no"). */
export function mailDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return match?.[1] ?? "helpdesk.invalid";
}

export function createTransport(env: Pick<Env, "SMTP_URL" | "MAIL_FROM"> & Partial<Pick<Env, "MAIL_REPLY_TO">>): MailTransport {
  const transporter = nodemailer.createTransport({ url: env.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    from: env.MAIL_FROM,
    messageIdDomain: mailDomain(env.MAIL_FROM),
    ...(env.MAIL_REPLY_TO ? { replyTo: env.MAIL_REPLY_TO } : {}),
    sendMail: (mail) => transporter.sendMail(mail),
    close: () => transporter.close(),
  };
}
