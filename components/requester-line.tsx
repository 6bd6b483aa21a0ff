/** A ticket's requester for staff: name and address, and a warning when our mail to that address bounces. */
import { t, type Locale } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { Badge } from "./badge";

export interface RequesterView {
  name: string;
  email: string;
  bouncingAt: string | null;
  bounceReason: string | null;
}

export function RequesterLine({ requester, now, locale }: { requester: RequesterView; now: Date; locale: Locale }) {
  return (
    <span className="flex flex-col gap-1">
      <span className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{requester.name}</span>
        <span className="break-all text-slate-700">{requester.email}</span>
        {requester.bouncingAt && (
          <span data-testid="email-bouncing">
            <Badge tone="danger">{t(locale, "mailUi.bouncing")}</Badge>
          </span>
        )}
      </span>
      {requester.bouncingAt && <BounceText email={requester.email} at={requester.bouncingAt} reason={requester.bounceReason} now={now} locale={locale} />}
    </span>
  );
}

/** "E-mail to … has bounced since …: reason", for the ticket page and the admin's user page. */
export function BounceText({ email, at, reason, now, locale }: { email: string; at: string; reason: string | null; now: Date; locale: Locale }) {
  const when = formatDateTime(at, now, locale);
  return <span className="text-sm text-red-800">{reason ? t(locale, "mailUi.bouncingSince", { email, when, reason }) : t(locale, "mailUi.bouncingNoReason", { email, when })}</span>;
}
