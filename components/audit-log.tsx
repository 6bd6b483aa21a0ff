/**
 * The audit log's table and its filter form, shared by /admin/audit (provider admins: every row,
 * with the organisation and client address) and /organisasjon/logg (a customer admin's own
 * organisation). Before and after are shown as the fields that changed. Actions and target types
 * are shown in the reader's words with the stored code under them (admins filter by the code).
 */
import type { SelectOption } from "./select";
import { Button } from "./button";
import { ButtonLink } from "./button-link";
import { DataTable } from "./data-table";
import { Select } from "./select";
import { TextField } from "./text-field";

export interface AuditLogTableRow {
  id: string;
  /** Already formatted for the reader. */
  at: string;
  actorEmail: string | null;
  organization: string | null;
  /** The stored code, e.g. "token.create", and its label in the reader's language. */
  action: string;
  actionLabel: string;
  targetType: string;
  targetLabel: string;
  targetId: string | null;
  address: string | null;
  changes: Array<{ field: string; before: string | null; after: string | null }>;
}

export interface AuditLogText {
  caption: string;
  at: string;
  actor: string;
  system: string;
  organization: string;
  providerWide: string;
  action: string;
  target: string;
  changes: string;
  address: string;
  noChanges: string;
  emptyValue: string;
}

export function AuditLogTable({ rows, text, withOrganization }: { rows: AuditLogTableRow[]; text: AuditLogText; withOrganization: boolean }) {
  return (
    <div data-testid="audit-log">
      <DataTable
        caption={text.caption}
        rows={rows}
        rowKey={(r) => r.id}
        alignTop
        columns={[
          { label: text.at, className: "whitespace-nowrap", cell: (r) => r.at },
          {
            label: text.actor,
            cell: (r) => (
              <>
                <span className="block break-all">{r.actorEmail ?? text.system}</span>
                {r.address && <span className="block text-sm text-slate-700">{r.address}</span>}
              </>
            ),
          },
          ...(withOrganization ? [{ label: text.organization, cell: (r: AuditLogTableRow) => r.organization ?? text.providerWide }] : []),
          {
            label: text.action,
            cell: (r) => (
              <>
                <span className="block">{r.actionLabel}</span>
                <span data-testid="audit-action" className="block font-mono text-xs text-slate-700">
                  {r.action}
                </span>
              </>
            ),
          },
          {
            label: text.target,
            cell: (r) => (
              <>
                <span className="block" title={r.targetType}>
                  {r.targetLabel}
                </span>
                {r.targetId && <span className="block break-all font-mono text-xs text-slate-700">{r.targetId}</span>}
              </>
            ),
          },
          {
            label: text.changes,
            cell: (r) =>
              r.changes.length === 0 ? (
                text.noChanges
              ) : (
                <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-sm">
                  {r.changes.map((c) => (
                    <div key={c.field} className="contents">
                      <dt className="font-medium">{c.field}</dt>
                      <dd className="break-all">
                        <del className="text-slate-700">{c.before ?? text.emptyValue}</del> → <ins className="no-underline">{c.after ?? text.emptyValue}</ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              ),
          },
        ]}
      />
    </div>
  );
}

export interface AuditFilterValues {
  organizationId?: string;
  actor?: string;
  action?: string;
  targetType?: string;
  from?: string;
  to?: string;
}

export interface AuditFilterText {
  label: string;
  organization: string;
  actor: string;
  action: string;
  targetType: string;
  from: string;
  to: string;
  all: string;
  apply: string;
  clear: string;
}

/** A plain GET form: the filters are the page's query string, so a filtered view can be linked. */
export function AuditLogFilters({
  path,
  values,
  organizations,
  actions,
  targetTypes,
  text,
}: {
  path: string;
  values: AuditFilterValues;
  /** Null: no organisation filter (a customer admin's own log). */
  organizations: SelectOption[] | null;
  /** Value: the code; label: the code in words. */
  actions: SelectOption[];
  targetTypes: SelectOption[];
  text: AuditFilterText;
}) {
  const all = { value: "", label: text.all };
  return (
    <form method="get" action={path} role="search" aria-label={text.label} className="flex flex-wrap items-end gap-3">
      {organizations && (
        <div className="w-56">
          <Select id="audit-org" name="org" label={text.organization} defaultValue={values.organizationId ?? ""} options={[all, ...organizations]} />
        </div>
      )}
      <div className="w-56">
        <TextField id="audit-actor" name="actor" type="search" label={text.actor} defaultValue={values.actor ?? ""} maxLength={200} />
      </div>
      <div className="w-56">
        <Select id="audit-action" name="action" label={text.action} defaultValue={values.action ?? ""} options={[all, ...actions]} />
      </div>
      <div className="w-44">
        <Select id="audit-target" name="target" label={text.targetType} defaultValue={values.targetType ?? ""} options={[all, ...targetTypes]} />
      </div>
      <div className="w-40">
        <TextField id="audit-from" name="from" type="date" label={text.from} defaultValue={values.from ?? ""} />
      </div>
      <div className="w-40">
        <TextField id="audit-to" name="to" type="date" label={text.to} defaultValue={values.to ?? ""} />
      </div>
      <Button type="submit" tone="secondary">
        {text.apply}
      </Button>
      <ButtonLink href={path}>{text.clear}</ButtonLink>
    </form>
  );
}
