import "server-only";
/**
 * Full-text search of tickets (issue 19), for the agents' queue, the customers' list and
 * GET /api/v1/tickets?q=. PostgreSQL does the work: TicketSearch holds each ticket's vectors in
 * both the Norwegian and the English configuration, kept in step by triggers (migration
 * ticket_search), and `search_query` turns the words into a query in both. Staff search the staff
 * vector (internal notes included), customers the public one only.
 *
 * A word ending in `*` (at least three letters or digits before it: "skriv*") matches every word
 * that starts so, as Zendesk's wildcard does; the other words keep their stemmed, exact reading.
 * Only in a plain list of words: with quotes, "or" or -word the query is websearch syntax, read as
 * before. A
 * prefix is asked for, never added: a prefix term makes the GIN index collect every ticket with a
 * word that starts so (the migration's note on search_query).
 *
 * Order: a ticket whose reference is the query exactly, then rank (ts_rank_cd), then newest.
 * Tenancy: the SQL carries the actor's scope (scope.ts visibleTicketsSql, the raw-SQL form of
 * visibleTicketsWhere); the rows for the page are read through visibleTicketsWhere as well. The
 * cursor is the rank position to continue from.
 */
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client";
import { isStaff, type Actor } from "../actor";
import { badRequest, unprocessable } from "../errors";
import { parseInput, safeString } from "../validation";
import type { UseCaseContext } from "./context";
import { visibleTicketsSql, visibleTicketsWhere } from "./scope";
import { ticketViewFor } from "./audience";
import type { AudienceTicketView } from "./schemas";
import { TicketFiltersSchema, ticketFiltersSql } from "./ticket-filters";
import { queueSelect, toQueueItem, type QueueItem } from "./list-queue";
import { loadTicketVersions } from "./view";

export const SearchTicketsSchema = TicketFiltersSchema.extend({
  q: safeString().trim().min(1, "type something to search for").max(200),
  /** Opaque cursor from the previous page's nextCursor. */
  cursor: safeString().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type SearchTicketsInput = z.input<typeof SearchTicketsSchema>;

/** A piece of a snippet; `hit` pieces are the words that matched (shown marked). Plain text, never HTML. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchHit<V> {
  ticket: V;
  /** Where the words were found, with the matches marked; null when only the reference or the requester matched. */
  snippet: SnippetPart[] | null;
}

/** The markers ts_headline puts around a match; removed from the text first, so text cannot fake one. */
const START = "\u0002";
const STOP = "\u0003";
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … "`;

const encodeCursor = (offset: number) => Buffer.from(`s${offset}`).toString("base64url");
function decodeCursor(cursor: string): number {
  const match = /^s(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw badRequest("Invalid cursor", { cursor: ["not a cursor from this search"] });
  return Number(match[1]);
}

/** Splits ts_headline's output at its markers. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of headline.split(START).entries()) {
    if (i === 0) {
      if (piece) parts.push({ text: piece, hit: false });
      continue;
    }
    const [hit = "", rest = ""] = piece.split(STOP);
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}

/** "skriv*": a word of at least three letters or digits, then a star. */
const PREFIX_WORD = /(?<![\p{L}\p{N}])([\p{L}\p{N}]{3,})\*/gu;

/** Quotes, "or" and -word are websearch syntax: a query using them is read by search_query alone (a star there is ignored, as before). */
const WEBSEARCH_SYNTAX = /["]|(^|\s)or(\s|$)|(^|\s)-/iu;

/** One prefix word as the vectors hold words: stemmed in Norwegian or in English ("printers*" finds "printers", stored as printer), or as typed. */
const prefixTerm = (word: string) =>
  Prisma.sql`(to_tsquery('norwegian'::regconfig, ${word + ":*"}) || to_tsquery('english'::regconfig, ${word + ":*"}) || to_tsquery('simple'::regconfig, ${word + ":*"}))`;

/**
 * The query of a search box as SQL: its prefix words ("skriv*", letters and digits only, so they
 * are valid to_tsquery terms) each as a prefix term, all ANDed with the rest read by search_query
 * (Norwegian, English, as typed). An empty side drops out (PostgreSQL ANDs an empty query away).
 */
export function searchQuerySql(words: string): Prisma.Sql {
  const prefixes = WEBSEARCH_SYNTAX.test(words) ? [] : [...words.matchAll(PREFIX_WORD)].map((m) => m[1]!);
  if (prefixes.length === 0) return Prisma.sql`search_query(${words})`;
  const rest = words.replace(PREFIX_WORD, " ").trim();
  const prefix = Prisma.join(prefixes.map(prefixTerm), " && ");
  return rest ? Prisma.sql`(search_query(${rest}) && ${prefix})` : Prisma.sql`(${prefix})`;
}

/** The ranked ids of one search, with snippets: the core both entry points share. */
async function searchIds(actor: Actor, input: SearchTicketsInput, ctx: UseCaseContext): Promise<{ ids: string[]; snippets: Map<string, SnippetPart[] | null>; nextCursor: string | null }> {
  const q = parseInput(SearchTicketsSchema, input);
  const staff = isStaff(actor);
  const vector = staff ? Prisma.sql`s."staffVector"` : Prisma.sql`s."publicVector"`;
  const reference = q.q.toUpperCase();
  const where = Prisma.sql`${visibleTicketsSql(actor)} AND ${ticketFiltersSql(q)}`;
  const start = q.cursor ? decodeCursor(q.cursor) : 0;
  // The actor's scope is said in SQL (scope.ts visibleTicketsSql), so every row read is theirs to see.
  const rows = await ctx.prisma.$queryRaw<Array<{ id: string }>>`
    WITH query AS (SELECT ${searchQuerySql(q.q)} AS q),
    hits AS (
      SELECT s."ticketId" AS id FROM "TicketSearch" s, query WHERE ${vector} @@ query.q
      UNION
      SELECT id FROM "Ticket" WHERE reference = ${reference}
    )
    SELECT t.id::text AS id
    FROM hits JOIN "Ticket" t ON t.id = hits.id JOIN "TicketSearch" s ON s."ticketId" = t.id CROSS JOIN query
    WHERE ${where}
    ORDER BY (t.reference = ${reference}) DESC, ts_rank_cd(${vector}, query.q) DESC, t."createdAt" DESC, t.id DESC
    OFFSET ${start} LIMIT ${q.limit + 1}`;
  const page = rows.slice(0, q.limit).map((r) => r.id);
  const nextCursor = rows.length > q.limit ? encodeCursor(start + q.limit) : null;
  return { ids: page, snippets: await snippetsOf(page, q.q, staff, ctx), nextCursor };
}

/** Each ticket's best passages with the matches marked: Norwegian reading first, else English. */
async function snippetsOf(ids: string[], words: string, staff: boolean, ctx: UseCaseContext): Promise<Map<string, SnippetPart[] | null>> {
  if (ids.length === 0) return new Map();
  const messages = staff ? Prisma.sql`jsonb_typeof(e.data -> 'body') = 'string'` : Prisma.sql`ticket_event_is_public(e.type::text, e.data)`;
  const rows = await ctx.prisma.$queryRaw<Array<{ id: string; nb: string; en: string }>>`
    WITH query AS (SELECT ${searchQuerySql(words)} AS q)
    SELECT t.id::text AS id, ts_headline('norwegian', d.doc, query.q, ${HEADLINE_OPTIONS}) AS nb, ts_headline('english', d.doc, query.q, ${HEADLINE_OPTIONS}) AS en
    FROM "Ticket" t CROSS JOIN query
    CROSS JOIN LATERAL (
      SELECT left(translate(t.title || E'\n' || t.description || coalesce(E'\n' || (
        SELECT string_agg(e.data ->> 'body', E'\n' ORDER BY e.id) FROM "TicketEvent" e WHERE e."ticketId" = t.id AND ${messages}
      ), ''), ${START + STOP}, ''), 20000) AS doc
    ) d
    WHERE t.id = ANY(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.nb.includes(START) ? snippetParts(r.nb) : r.en.includes(START) ? snippetParts(r.en) : null]));
}

/** The ranked hits as the caller shows them: each visible ticket's queue row through `view`, with its snippet, in rank order. */
async function hits<V>(actor: Actor, input: SearchTicketsInput, ctx: UseCaseContext, view: (item: QueueItem) => V): Promise<{ items: SearchHit<V>[]; nextCursor: string | null }> {
  const { ids, snippets, nextCursor } = await searchIds(actor, input, ctx);
  const rows = ids.length ? await ctx.prisma.ticket.findMany({ where: { AND: [{ id: { in: ids } }, visibleTicketsWhere(actor)] }, select: queueSelect }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const now = ctx.now();
  const versions = await loadTicketVersions(ctx.prisma, rows);
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ticket: view(toQueueItem(row, now, versions)), snippet: snippets.get(id) ?? null }] : [];
  });
  return { items, nextCursor };
}

/** Search as anyone may: the ticket as the caller's audience sees it (REST, the customers' list). */
export async function searchTickets({
  actor,
  input,
  ctx,
}: {
  actor: Actor;
  input: SearchTicketsInput;
  ctx: UseCaseContext;
}): Promise<{ items: SearchHit<AudienceTicketView>[]; nextCursor: string | null }> {
  return hits(actor, input, ctx, (item) => ticketViewFor(actor, item));
}

/** Search from the agents' queue: queue rows (organisation, clock, warning threshold) with snippets. */
export async function searchQueue({ actor, input, ctx }: { actor: Actor; input: SearchTicketsInput; ctx: UseCaseContext }): Promise<{ items: SearchHit<QueueItem>[]; nextCursor: string | null }> {
  if (!isStaff(actor)) throw unprocessable("Only servicedesk staff have queues");
  return hits(actor, input, ctx, (item) => item);
}
