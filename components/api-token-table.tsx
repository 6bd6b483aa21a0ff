/**
 * A list of API tokens with a revoke button (after confirming) on each live one: the customer
 * admin's /organisasjon/tokens and the provider admin's /admin/users/[id]/tokens. Only the
 * token's beginning is shown; the token itself is shown once, by ApiTokenForm.
 */
import type { ApiTokenScope } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/t";
import { formatDateTime } from "@/lib/i18n/format";
import { Badge } from "./badge";
import { ConfirmDialog } from "./confirm-dialog";
import { DataTable } from "./data-table";

export interface ApiTokenRow {
  id: string;
  name: string;
  scope: ApiTokenScope;
  displayPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Who made it, where several people's tokens are listed together. */
  owner?: string;
}

export function ApiTokenTable({ tokens, now, t, revokeAction }: { tokens: ApiTokenRow[]; now: Date; t: Translate & { locale: Locale }; revokeAction: (form: FormData) => void | Promise<void> }) {
  return (
    <DataTable
      caption={t("audit.tokens.caption")}
      rows={tokens}
      rowKey={(tok) => tok.id}
      alignTop
      columns={[
        {
          label: t("audit.tokens.name"),
          className: "font-medium",
          cell: (tok) => (
            <>
              {tok.name}
              <span className="block text-sm font-normal text-slate-700">
                {t("audit.tokens.created")}: {formatDateTime(tok.createdAt, now, t.locale)}
                {tok.owner && ` · ${tok.owner}`}
              </span>
            </>
          ),
        },
        { label: t("audit.tokens.scope"), cell: (tok) => t(`audit.tokens.scope.${tok.scope}`) },
        { label: t("audit.tokens.prefix"), className: "font-mono text-sm", cell: (tok) => `${tok.displayPrefix}…` },
        { label: t("audit.tokens.lastUsed"), cell: (tok) => (tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, now, t.locale) : t("audit.tokens.never")) },
        { label: t("audit.tokens.status"), cell: (tok) => <Badge tone={tok.revokedAt ? "neutral" : "success"}>{t(tok.revokedAt ? "audit.tokens.revoked" : "audit.tokens.live")}</Badge> },
        {
          label: t("audit.tokens.revoke"),
          hiddenLabel: true,
          className: "text-right",
          cell: (tok) =>
            !tok.revokedAt && (
              <ConfirmDialog
                action={revokeAction}
                hidden={{ tokenId: tok.id }}
                label={t("audit.tokens.revoke")}
                ariaLabel={t("audit.tokens.revokeLabel", { name: tok.name })}
                title={t("audit.tokens.confirmTitle", { name: tok.name })}
                body={t("audit.tokens.confirmBody")}
                confirm={t("audit.tokens.confirm")}
                cancel={t("audit.tokens.cancel")}
              />
            ),
        },
      ]}
    />
  );
}
