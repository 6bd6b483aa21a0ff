/** Whether a month's credit under a claim rule was claimed (credited), is open until a date, or is forfeited (003 §4.3). */
import { t, type Locale } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import type { CreditClaimView } from "@/lib/server/reports";
import { Badge, type BadgeTone } from "./badge";
import type { FormState } from "@/lib/forms/form-state";
import { ClaimCreditForm } from "./claim-credit-form";

const TONE: Record<CreditClaimView["state"], BadgeTone> = { claimed: "success", open: "info", forfeited: "danger", nothing_to_claim: "neutral", automatic: "neutral" };

export function ReportCreditClaim({
  claim,
  locale,
  now,
  form,
  action,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  claim: CreditClaimView & { mayClaim: boolean };
  locale: Locale;
  now: Date;
  form: { organizationId: string; month: string };
}) {
  const date = (iso: string) => formatDateTime(new Date(iso), now, locale);
  const text =
    claim.state === "claimed"
      ? t(locale, "agreements.claim.claimed", { date: date(claim.claimedAt!) })
      : claim.state === "open"
        ? t(locale, "agreements.claim.open", { deadline: date(claim.deadline), days: String(claim.claimWithinDays) })
        : claim.state === "forfeited"
          ? claim.claimedAt
            ? t(locale, "agreements.claim.forfeitedLate", { date: date(claim.claimedAt), deadline: date(claim.deadline) })
            : t(locale, "agreements.claim.forfeited", { deadline: date(claim.deadline) })
          : t(locale, "agreements.claim.nothing");
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4" data-testid="credit-claim" data-state={claim.state}>
      <h3 className="flex flex-wrap items-center gap-2 font-semibold">
        {t(locale, "agreements.claim.title")}
        {claim.state !== "automatic" && <Badge tone={TONE[claim.state]}>{t(locale, `agreements.claim.state.${claim.state}`)}</Badge>}
      </h3>
      <p className="text-sm text-slate-800" data-testid="credit-claim-text">
        {text}
      </p>
      {claim.mayClaim && (
        <ClaimCreditForm
          action={action}
          organizationId={form.organizationId}
          month={form.month}
          text={{ submit: t(locale, "agreements.claim.submit"), pending: t(locale, "agreements.claim.pending") }}
        />
      )}
    </div>
  );
}
