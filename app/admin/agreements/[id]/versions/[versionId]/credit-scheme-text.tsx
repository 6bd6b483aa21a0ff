/** A credit scheme (lib/sla CreditScheme) in words. */
import type { CreditScheme } from "@/lib/sla";
import type { Translate } from "@/lib/i18n";

export function CreditSchemeText({ scheme, t }: { scheme: CreditScheme; t: Translate }) {
  switch (scheme.kind) {
    case "netpower":
      return <p>{t("admin.ver.credit.netpower", { per: scheme.perBreachPercent, cap: scheme.capPercent, uptime: scheme.minUptimePercent })}</p>;
    case "uptime_tiers":
      return (
        <div>
          <p>{t("admin.ver.credit.tiers")}</p>
          <ul className="list-disc pl-6">
            {scheme.tiers.map((tier, i) => (
              <li key={i}>{t("admin.ver.credit.tier", { from: tier.minUptimePercent ?? 0, below: tier.belowUptimePercent ?? 100, credit: tier.percent })}</li>
            ))}
          </ul>
          <p>{t("admin.ver.credit.cap", { cap: scheme.capPercent })}</p>
        </div>
      );
    case "sodvin_refund":
      return <p>{t("admin.ver.credit.sodvin", { uptime: scheme.agreedUptime })}</p>;
    default:
      return <p>{t("admin.ver.credit.none")}</p>;
  }
}
