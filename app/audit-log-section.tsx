/**
 * The body of both audit log pages (/admin/audit and /organisasjon/logg): filters from the query
 * string, the listing use case (which decides what the actor may see), the shared table, paging.
 */
import { auditActionLabel, auditTargetLabel } from "@/lib/server/audit/actions";
import { listAuditLog, type AuditLogPage, type ListAuditLogInput } from "@/lib/server/audit/list-audit-log";
import { AppError } from "@/lib/server/errors";
import { requestContext } from "@/lib/server/http/request-context";
import type { Actor } from "@/lib/server/actor";
import type { T } from "@/lib/server/http/session";
import { formatDateTime } from "@/lib/i18n/format";
import { AuditLogFilters, AuditLogTable } from "@/components/audit-log";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";

export type AuditSearch = Partial<Record<"org" | "actor" | "action" | "target" | "from" | "to" | "cursor", string | string[]>>;

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v) || undefined;

/** The page's header: its title and lead (the lead may name the customer admin's organisation). */
export interface AuditHeading {
  title: string;
  lead: (organization: string) => string;
}

export async function AuditLogSection({ actor, t, search, path, heading }: { actor: Actor; t: T; search: AuditSearch; path: string; heading: AuditHeading }) {
  const provider = actor.role === "PROVIDER_ADMIN";
  const filters = {
    organizationId: provider ? one(search.org) : undefined,
    actor: one(search.actor),
    action: one(search.action),
    targetType: one(search.target),
    from: one(search.from),
    to: one(search.to),
  };
  const input: ListAuditLogInput = { ...filters, cursor: one(search.cursor) };
  const ctx = await requestContext();
  let page: AuditLogPage;
  let invalid = false;
  try {
    page = await listAuditLog({ actor, input, ctx });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
    invalid = true;
    page = await listAuditLog({ actor, input: {}, ctx });
  }
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    const named = { org: filters.organizationId, actor: filters.actor, action: filters.action, target: filters.targetType, from: filters.from, to: filters.to, ...extra };
    for (const [k, v] of Object.entries(named)) if (v) params.set(k, v);
    const s = params.toString();
    return s ? `${path}?${s}` : path;
  };
  const now = ctx.now();
  return (
    <>
      <PageHeader title={heading.title} lead={heading.lead(page.ownOrganization?.name ?? "")} />
      <AuditLogFilters
        path={path}
        values={filters}
        organizations={provider ? page.organizations.map((o) => ({ value: o.id, label: o.name })) : null}
        actions={page.actions.map((a) => ({ value: a, label: `${auditActionLabel(t, a)} (${a})` }))}
        targetTypes={page.targetTypes.map((type, _, all) => {
          const label = auditTargetLabel(t, type);
          // An old row's lower-case type ("user") has the same label as the model's name: tell them apart.
          return { value: type, label: all.some((other) => other !== type && auditTargetLabel(t, other) === label) ? `${label} (${type})` : label };
        })}
        text={{
          label: t("audit.filter.label"),
          organization: t("audit.filter.organization"),
          actor: t("audit.filter.actor"),
          action: t("audit.filter.action"),
          targetType: t("audit.filter.targetType"),
          from: t("audit.filter.from"),
          to: t("audit.filter.to"),
          all: t("audit.filter.all"),
          apply: t("audit.filter.apply"),
          clear: t("audit.filter.clear"),
        }}
      />
      {invalid && <ErrorMessage message={t("audit.filter.invalid")} />}
      {!invalid && page.rows.length === 0 ? (
        <EmptyState title={t("audit.log.empty")} body={t("audit.log.emptyBody")} />
      ) : (
        !invalid && (
          <AuditLogTable
            withOrganization={provider}
            rows={page.rows.map((r) => ({
              ...r,
              at: formatDateTime(r.at, now, t.locale),
              organization: r.organization?.name ?? null,
              actionLabel: auditActionLabel(t, r.action),
              targetLabel: auditTargetLabel(t, r.targetType),
            }))}
            text={{
              caption: t("audit.log.caption"),
              at: t("audit.log.at"),
              actor: t("audit.log.actor"),
              system: t("audit.log.system"),
              organization: t("audit.log.organization"),
              providerWide: t("audit.log.providerWide"),
              action: t("audit.log.action"),
              target: t("audit.log.target"),
              changes: t("audit.log.changes"),
              address: t("audit.log.address"),
              noChanges: t("audit.log.noChanges"),
              emptyValue: t("audit.log.emptyValue"),
            }}
          />
        )
      )}
      <Pagination
        label={t("audit.page.label")}
        firstHref={one(search.cursor) ? query({}) : null}
        firstLabel={t("audit.page.first")}
        nextHref={page.nextCursor ? query({ cursor: page.nextCursor }) : null}
        nextLabel={t("audit.page.next")}
      />
    </>
  );
}
