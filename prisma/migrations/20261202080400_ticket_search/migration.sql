-- CreateTable
CREATE TABLE "TicketSearch" (
    "ticketId" UUID NOT NULL,
    "publicVector" tsvector,
    "staffVector" tsvector,

    CONSTRAINT "TicketSearch_pkey" PRIMARY KEY ("ticketId")
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "line" "SupportLine",
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TicketSearch_publicVector_idx" ON "TicketSearch" USING GIN ("publicVector");

-- CreateIndex
CREATE INDEX "TicketSearch_staffVector_idx" ON "TicketSearch" USING GIN ("staffVector");

-- CreateIndex
CREATE INDEX "SlaClock_dueAt_state_idx" ON "SlaClock"("dueAt", "state");

-- CreateIndex
CREATE INDEX "SavedView_ownerId_idx" ON "SavedView"("ownerId");

-- CreateIndex
CREATE INDEX "SavedView_line_idx" ON "SavedView"("line");

-- AddForeignKey
ALTER TABLE "TicketSearch" ADD CONSTRAINT "TicketSearch_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search (issue 19), kept in step by the database: every ticket has one TicketSearch row,
-- written by these triggers only. Both vectors hold the Norwegian and the English configuration of
-- the same text (so "skriver" finds "skriveren" and "printers" finds "printer"), weighted A for the
-- reference and title, B for the description, the requester and the customer, C for public messages and D for
-- internal ones. publicVector is what a customer may find a ticket by, staffVector adds internal notes.
-- Which events a customer sees mirrors lib/server/tickets/audience.ts (CUSTOMER_EVENT_FIELDS).
-- Function bodies hold no semicolon (Prisma splits the script at each one): SQL functions are single
-- statements, and the PL/pgSQL ones write it as the escape \073.
CREATE FUNCTION "search_vector"(body text, weight "char") RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('norwegian'::regconfig, coalesce(body, '')) || to_tsvector('english'::regconfig, coalesce(body, '')), weight)
$$;

CREATE FUNCTION "ticket_event_is_public"(event_type text, data jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT jsonb_typeof(data -> 'body') = 'string' AND (
    (event_type IN ('PUBLIC_REPLY', 'SOLVED', 'REOPENED') AND coalesce(data ->> 'visibility', 'PUBLIC') = 'PUBLIC')
    OR (event_type = 'PHONE_CALL_LOGGED' AND data ->> 'visibility' = 'PUBLIC'))
$$;

-- What a search box holds as a query (websearch syntax: quotes, or, -word), in three readings
-- joined with OR: Norwegian, English and the words as typed (simple). The Norwegian stemmer makes
-- "skriveren" skriver but "skriver" skriv: the word as typed, skriver, finds skriveren. No prefix
-- matching: a prefix term makes the GIN index collect every ticket with a word that starts so
-- (bench:queue: 18 ms against 2 ms over 220,000 tickets), exact terms let it skip to the rare word.
CREATE FUNCTION "search_query"(words text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT websearch_to_tsquery('norwegian'::regconfig, words) || websearch_to_tsquery('english'::regconfig, words)
      || websearch_to_tsquery('simple'::regconfig, words)
$$;

-- The whole row of one ticket, from the ticket, its requester and its events.
CREATE FUNCTION "ticket_search_refresh"(ticket uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "TicketSearch" ("ticketId", "publicVector", "staffVector")
  SELECT d.id, d.pub, d.pub || d.internal
  FROM (
    SELECT t.id,
      search_vector(t.reference || ' ' || replace(t.reference, '-', ' ') || ' ' || t.title, 'A')
        || search_vector(t.description || ' ' || r.name || ' ' || r.email || ' ' || replace(r.email, '@', ' ') || ' ' || o.name, 'B')
        || search_vector((SELECT string_agg(e.data ->> 'body', ' ' ORDER BY e.id) FROM "TicketEvent" e
                          WHERE e."ticketId" = t.id AND ticket_event_is_public(e.type::text, e.data)), 'C') AS pub,
      search_vector((SELECT string_agg(e.data ->> 'body', ' ' ORDER BY e.id) FROM "TicketEvent" e
                     WHERE e."ticketId" = t.id AND jsonb_typeof(e.data -> 'body') = 'string' AND NOT ticket_event_is_public(e.type::text, e.data)), 'D') AS internal
    FROM "Ticket" t JOIN "User" r ON r.id = t."requesterId" JOIN "Organization" o ON o.id = t."organizationId"
    WHERE t.id = ticket
  ) d
  ON CONFLICT ("ticketId") DO UPDATE SET "publicVector" = EXCLUDED."publicVector", "staffVector" = EXCLUDED."staffVector"
$$;

-- One new message: appended to the vectors without reading the rest of the ticket.
CREATE FUNCTION "ticket_search_add_message"(ticket uuid, event_type text, data jsonb) RETURNS void LANGUAGE sql AS $$
  UPDATE "TicketSearch" SET
    "staffVector" = coalesce("staffVector", ''::tsvector)
      || search_vector(data ->> 'body', CASE WHEN ticket_event_is_public(event_type, data) THEN 'C' ELSE 'D' END::"char"),
    "publicVector" = CASE WHEN ticket_event_is_public(event_type, data)
      THEN coalesce("publicVector", ''::tsvector) || search_vector(data ->> 'body', 'C') ELSE "publicVector" END
  WHERE "ticketId" = ticket
$$;

CREATE FUNCTION "ticket_search_on_ticket"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM "ticket_search_refresh"(NEW.id)\073 RETURN NULL\073 END';

-- A new message is appended. A changed event (only a privileged database function may change one,
-- as erase_person does) rebuilds the row of its ticket, and of the ticket it came from if it moved.
CREATE FUNCTION "ticket_search_on_event"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF TG_OP = ''INSERT'' THEN PERFORM "ticket_search_add_message"(NEW."ticketId", NEW.type::text, NEW.data)\073 ELSE PERFORM "ticket_search_refresh"(NEW."ticketId")\073 IF OLD."ticketId" IS DISTINCT FROM NEW."ticketId" THEN PERFORM "ticket_search_refresh"(OLD."ticketId")\073 END IF\073 END IF\073 RETURN NULL\073 END';

-- A requester renamed or erased: their tickets are found by the new name only.
CREATE FUNCTION "ticket_search_on_requester"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM "ticket_search_refresh"(t.id) FROM "Ticket" t WHERE t."requesterId" = NEW.id\073 RETURN NULL\073 END';

-- A customer renamed: their tickets are found by the new name.
CREATE FUNCTION "ticket_search_on_organization"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM "ticket_search_refresh"(t.id) FROM "Ticket" t WHERE t."organizationId" = NEW.id\073 RETURN NULL\073 END';

CREATE TRIGGER "Ticket_search_insert" AFTER INSERT ON "Ticket"
  FOR EACH ROW EXECUTE FUNCTION "ticket_search_on_ticket"();
CREATE TRIGGER "Ticket_search_update" AFTER UPDATE OF reference, title, description, "requesterId" ON "Ticket"
  FOR EACH ROW WHEN (OLD.reference IS DISTINCT FROM NEW.reference OR OLD.title IS DISTINCT FROM NEW.title
    OR OLD.description IS DISTINCT FROM NEW.description OR OLD."requesterId" IS DISTINCT FROM NEW."requesterId")
  EXECUTE FUNCTION "ticket_search_on_ticket"();
CREATE TRIGGER "TicketEvent_search_insert" AFTER INSERT ON "TicketEvent"
  FOR EACH ROW WHEN (jsonb_typeof(NEW.data -> 'body') = 'string') EXECUTE FUNCTION "ticket_search_on_event"();
CREATE TRIGGER "TicketEvent_search_update" AFTER UPDATE ON "TicketEvent"
  FOR EACH ROW EXECUTE FUNCTION "ticket_search_on_event"();
CREATE TRIGGER "Organization_search_update" AFTER UPDATE OF name ON "Organization"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION "ticket_search_on_organization"();
CREATE TRIGGER "User_search_update" AFTER UPDATE OF name, email ON "User"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email)
  EXECUTE FUNCTION "ticket_search_on_requester"();

-- Tickets registered before this migration.
SELECT "ticket_search_refresh"(id) FROM "Ticket";
