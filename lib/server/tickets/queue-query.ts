import "server-only";
/**
 * The query string of the agents' queue (/arbeid) and what it means: the tab (a line or "mine"),
 * the search words and the filters. One place reads it, so a saved view (saved-views/) stores
 * exactly what the page understands.
 */
import type { TicketFilters } from "./ticket-filters";
import { TicketFiltersSchema } from "./ticket-filters";

/** Query parameter → what it holds. `line` is both the tab and the line filter ("" = every line). */
export const QUEUE_PARAMS = {
  q: "q",
  mine: "mine",
  line: "line",
  organizationId: "org",
  status: "status",
  priority: "priority",
  assigneeId: "assignee",
  registeredFrom: "from",
  registeredTo: "to",
} as const;

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export interface QueueQuery {
  q?: string;
  mine: boolean;
  /** Absent: the agent's own line (or every line when searching); "" asked for every line. */
  lineParam?: string;
  filters: TicketFilters;
}

/** The page's search params as a queue query; a value that is not valid is left out. */
export function readQueueQuery(raw: Raw): QueueQuery {
  const field = <K extends keyof TicketFilters>(key: K): TicketFilters[K] | undefined => {
    const parsed = TicketFiltersSchema.shape[key].safeParse(one(raw[QUEUE_PARAMS[key]]));
    return parsed.success ? (parsed.data as TicketFilters[K]) : undefined;
  };
  const filters: TicketFilters = {
    organizationId: field("organizationId"),
    status: field("status"),
    priority: field("priority"),
    line: field("line"),
    assigneeId: field("assigneeId"),
    registeredFrom: field("registeredFrom"),
    registeredTo: field("registeredTo"),
  };
  return { q: one(raw.q)?.trim().slice(0, 200) || undefined, mine: one(raw.mine) === "1", lineParam: one(raw.line), filters };
}

/** A queue query as the page's query string (no "?"), keeping only what the page reads. */
export function queueQueryString(raw: Raw): string {
  const query = readQueueQuery(raw);
  const params = new URLSearchParams();
  if (query.mine) params.set("mine", "1");
  else if (query.lineParam !== undefined && (query.lineParam === "" || query.filters.line)) params.set("line", query.filters.line ?? "");
  if (query.q) params.set("q", query.q);
  for (const key of ["organizationId", "status", "priority", "assigneeId", "registeredFrom", "registeredTo"] as const) {
    const value = query.filters[key];
    if (value) params.set(QUEUE_PARAMS[key], value);
  }
  return params.toString();
}
