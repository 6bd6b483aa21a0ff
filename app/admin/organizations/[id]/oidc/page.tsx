/**
 * /admin/organizations/:id/oidc: the organisation's own OpenID Connect identity provider (issue 15):
 * set up or change it (the client secret write-only), turn it off after confirming, on again.
 */
import type { Metadata } from "next";
import { getOrganizationOidc } from "@/lib/server/oidc";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { Badge } from "@/components/badge";
import { DeactivateOrReactivate } from "@/components/deactivate-or-reactivate";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { withSession, found } from "@/lib/server/http/session";
import { BackLink } from "../../../back-link";
import { submitOrganizationOidc, submitOrganizationOidcEnabled } from "./actions";
import { OidcForm } from "./oidc-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "oidc.title") };
}

const DONE = ["created", "saved", "unchanged", "disabled", "enabled"] as const;

export default async function OrganizationOidcPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const { actor, t } = await withSession("provider-admin", `/admin/organizations/${id}/oidc`);
  const { organization, config } = await found(getOrganizationOidc({ actor, input: { organizationId: id }, ctx: defaultContext() }));
  const done = DONE.find((d) => d === search.done);
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/+$/, "");
  const callbackPath = `/api/auth/callback/${config?.providerId ?? `oidc-org-${organization.id}`}`;
  const initial = {
    organizationId: organization.id,
    displayName: config?.displayName ?? "",
    issuer: config?.issuer ?? "",
    clientId: config?.clientId ?? "",
    entraId: config?.entraId ? "on" : "",
    entraTenantId: config?.entraTenantId ?? "",
    verifiedDomains: config?.verifiedDomains.join(", ") ?? "",
  };
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href={`/admin/organizations/${organization.id}`} label={organization.name} />
      <PageHeader title={t("oidc.title")} lead={t("oidc.intro", { name: organization.name })} />
      {done && <StatusMessage message={t(`oidc.done.${done}`)} />}
      {config ? (
        <p>
          <Badge tone={config.enabled ? "success" : "neutral"}>
            <span data-testid="oidc-status">{t(config.enabled ? "oidc.status.enabled" : "oidc.status.disabled")}</span>
          </Badge>
        </p>
      ) : (
        <p className="text-slate-700">{t("oidc.none")}</p>
      )}
      <div className="flex flex-col gap-1">
        <p className="text-slate-700">{t("oidc.callback")}</p>
        <code data-testid="oidc-callback-url" className="select-all break-all rounded bg-slate-100 p-2 font-mono text-sm text-slate-900">
          {base}
          {callbackPath}
        </code>
      </div>
      <section className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5">
        <OidcForm
          action={submitOrganizationOidc}
          initial={initial}
          text={{
            displayName: t("oidc.field.displayName"),
            displayNameHelp: t("oidc.field.displayNameHelp"),
            issuer: t("oidc.field.issuer"),
            issuerHelp: t("oidc.field.issuerHelp"),
            clientId: t("oidc.field.clientId"),
            clientSecret: t(config?.hasSecret ? "oidc.field.newClientSecret" : "oidc.field.clientSecret"),
            clientSecretHelp: t(config?.hasSecret ? "oidc.field.newClientSecretHelp" : "oidc.field.clientSecretHelp"),
            entraId: t("oidc.field.entraId"),
            entraIdHelp: t("oidc.field.entraIdHelp"),
            tenantId: t("oidc.field.tenantId"),
            tenantIdHelp: t("oidc.field.tenantIdHelp"),
            domains: t("oidc.field.domains"),
            domainsHelp: t("oidc.field.domainsHelp"),
            submit: t("oidc.save"),
            pending: t("oidc.saving"),
          }}
        />
      </section>
      {config && (
        <section className="flex flex-col gap-3 border-t border-slate-300 pt-6">
          <DeactivateOrReactivate
            active={config.enabled}
            deactivate={{
              action: submitOrganizationOidcEnabled,
              hidden: { organizationId: organization.id, enabled: "false" },
              label: t("oidc.disable.button"),
              title: t("oidc.disable.title", { name: config.displayName }),
              body: t("oidc.disable.body"),
              confirm: t("oidc.disable.confirm"),
              cancel: t("oidc.cancel"),
            }}
            reactivate={{ action: submitOrganizationOidcEnabled, hidden: { organizationId: organization.id, enabled: "true" }, label: t("oidc.enable.button") }}
          />
        </section>
      )}
    </main>
  );
}
