/**
 * How one timeline message came: its channel (Portal, E-mail, Phone, API) and, for an e-mail, who
 * sent it to whom, with a link that downloads the original message (staff only).
 */
import { t, type Locale } from "@/lib/i18n";
import { Badge } from "./badge";

export interface MessageSourceView {
  channel: "PORTAL" | "EMAIL" | "PHONE" | "API";
  mail: { id: string; fromAddress: string; fromName: string | null; to: string[]; cc: string[]; subject: string } | null;
}

const person = (name: string | null, address: string) => (name ? `${name} <${address}>` : address);

export function ChannelBadge({ channel, locale }: { channel: MessageSourceView["channel"]; locale: Locale }) {
  const name = t(locale, `mailUi.channel.${channel}`);
  return (
    <span data-testid="message-channel" aria-label={t(locale, "mailUi.channelLabel", { channel: name })}>
      <Badge tone={channel === "EMAIL" ? "info" : "neutral"}>{name}</Badge>
    </span>
  );
}

export function MailHeaders({ mail, locale }: { mail: NonNullable<MessageSourceView["mail"]>; locale: Locale }) {
  return (
    <div className="mt-2 flex flex-col gap-1 rounded-md border border-slate-200 bg-slate-50 p-2 text-sm" data-testid="mail-headers">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt className="font-medium text-slate-700">{t(locale, "mailUi.from")}</dt>
        <dd className="break-all" data-testid="mail-from">
          {person(mail.fromName, mail.fromAddress)}
        </dd>
        <dt className="font-medium text-slate-700">{t(locale, "mailUi.to")}</dt>
        <dd className="break-all" data-testid="mail-to">
          {mail.to.join(", ")}
        </dd>
        {mail.cc.length > 0 && (
          <>
            <dt className="font-medium text-slate-700">{t(locale, "mailUi.cc")}</dt>
            <dd className="break-all" data-testid="mail-cc">
              {mail.cc.join(", ")}
            </dd>
          </>
        )}
        <dt className="font-medium text-slate-700">{t(locale, "mailUi.subject")}</dt>
        <dd className="break-words">{mail.subject}</dd>
      </dl>
      <a
        href={`/arbeid/epost/${mail.id}`}
        download={`${mail.id}.eml`}
        className="self-start text-blue-800 underline underline-offset-2"
        aria-label={t(locale, "mailUi.originalLabel", { subject: mail.subject })}
        data-testid="mail-original"
      >
        {t(locale, "mailUi.original")}
      </a>
    </div>
  );
}
