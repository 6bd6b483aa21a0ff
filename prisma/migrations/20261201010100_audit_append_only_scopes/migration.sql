-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('READ', 'READ_WRITE');

-- AlterTable: existing tokens keep what they could do (read and write).
ALTER TABLE "ApiToken" ADD COLUMN "scope" "ApiTokenScope" NOT NULL DEFAULT 'READ_WRITE';

-- Append-only, with exactly one way through (issue 15): the personal-data erasure. The trigger
-- still refuses every UPDATE, DELETE and TRUNCATE on "AuditLog" and "TicketEvent", whoever runs
-- it (the table owner too), except an UPDATE made by the function erase_person below while it has
-- set its transaction-local flag. Both are checked: the flag alone could be set by anyone with
-- set_config, and the call stack alone names only a function. DELETE is never allowed.
-- Prisma's schema engine splits a script at every semicolon, even inside a quoted function body,
-- so each semicolon in a body is written as the escape \073.
CREATE OR REPLACE FUNCTION "refuse_change_append_only"() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE stack text\073 BEGIN IF TG_OP = ''UPDATE'' AND current_setting(''helpdesk.erasing'', true) = ''on'' THEN GET DIAGNOSTICS stack = PG_CONTEXT\073 IF stack LIKE ''%PL/pgSQL function erase_person(uuid,uuid,timestamp with time zone) line %'' THEN RETURN NEW\073 END IF\073 END IF\073 RAISE EXCEPTION ''% is append-only: % refused'', TG_TABLE_NAME, TG_OP USING ERRCODE = ''insufficient_privilege''\073 END';

-- The one audited way to erase a person's personal data (GDPR art. 17), also where it sits in the
-- append-only tables: the user's name, e-mail address and phone are replaced, their password and
-- sign-in state and two-factor secrets dropped, their API tokens revoked and open links cancelled (a deactivated user's
-- sessions stop at the next request). In "AuditLog" the address and e-mail recorded for their actions are
-- removed, and in "AuditLog".before/after and "TicketEvent".data every JSON string equal to their
-- old e-mail address, and in rows about them (actor, target, their tickets) every
-- JSON string equal to their old name, becomes "[erased]". The function writes its own audit row
-- ("person.erase", who erased whom, no personal data) and returns how many rows it changed.
-- SECURITY DEFINER: the app's role (scripts/db/app-role.sql) has no UPDATE on the two tables and
-- may only call this.
CREATE FUNCTION "erase_person"(p_user uuid, p_actor uuid, p_at timestamptz DEFAULT now()) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
  E'DECLARE old_email text\073 old_name text\073 org uuid\073 actor_email text\073 erased text := to_jsonb(''[erased]''::text)::text\073 n integer := 0\073 c integer\073
BEGIN
  SELECT email, name, "organizationId" INTO old_email, old_name, org FROM "User" WHERE id = p_user FOR UPDATE\073
  IF NOT FOUND THEN RAISE EXCEPTION ''erase_person: no user %'', p_user USING ERRCODE = ''no_data_found''\073 END IF\073
  SELECT email INTO actor_email FROM "User" WHERE id = p_actor\073
  IF NOT FOUND THEN RAISE EXCEPTION ''erase_person: no actor %'', p_actor USING ERRCODE = ''no_data_found''\073 END IF\073
  PERFORM set_config(''helpdesk.erasing'', ''on'', true)\073
  UPDATE "User" SET name = ''[erased]'', email = ''erased-'' || id::text || ''@erased.invalid'', phone = NULL, "passwordHash" = NULL,
    "failedLogins" = 0, "lockedUntil" = NULL, "deactivatedAt" = coalesce("deactivatedAt", p_at) WHERE id = p_user\073
  -- Two-factor secrets and recovery codes (added by the migration two_factor: PL/pgSQL resolves names when it runs).
  UPDATE "User" SET "totpSecret" = NULL, "totpPendingSecret" = NULL, "twoFactorEnabledAt" = NULL WHERE id = p_user\073
  DELETE FROM "RecoveryCode" WHERE "userId" = p_user\073
  UPDATE "ApiToken" SET "revokedAt" = p_at WHERE "userId" = p_user AND "revokedAt" IS NULL\073
  UPDATE "AccountLink" SET "cancelledAt" = p_at WHERE "userId" = p_user AND "usedAt" IS NULL AND "cancelledAt" IS NULL\073
  UPDATE "AuditLog" SET "actorEmail" = NULL, address = NULL WHERE "actorId" = p_user OR lower("actorEmail") = lower(old_email)\073
  GET DIAGNOSTICS c = ROW_COUNT\073 n := n + c\073
  UPDATE "AuditLog" SET before = replace(before::text, to_jsonb(old_email)::text, erased)::jsonb, after = replace(after::text, to_jsonb(old_email)::text, erased)::jsonb
    WHERE strpos(coalesce(before::text, '''') || coalesce(after::text, ''''), to_jsonb(old_email)::text) > 0\073
  GET DIAGNOSTICS c = ROW_COUNT\073 n := n + c\073
  UPDATE "AuditLog" SET before = replace(before::text, to_jsonb(old_name)::text, erased)::jsonb, after = replace(after::text, to_jsonb(old_name)::text, erased)::jsonb
    WHERE ("actorId" = p_user OR "targetId" = p_user::text) AND strpos(coalesce(before::text, '''') || coalesce(after::text, ''''), to_jsonb(old_name)::text) > 0\073
  GET DIAGNOSTICS c = ROW_COUNT\073 n := n + c\073
  UPDATE "TicketEvent" SET data = replace(data::text, to_jsonb(old_email)::text, erased)::jsonb WHERE strpos(data::text, to_jsonb(old_email)::text) > 0\073
  GET DIAGNOSTICS c = ROW_COUNT\073 n := n + c\073
  UPDATE "TicketEvent" SET data = replace(data::text, to_jsonb(old_name)::text, erased)::jsonb
    WHERE ("actorId" = p_user OR "ticketId" IN (SELECT id FROM "Ticket" WHERE "requesterId" = p_user)) AND strpos(data::text, to_jsonb(old_name)::text) > 0\073
  GET DIAGNOSTICS c = ROW_COUNT\073 n := n + c\073
  PERFORM set_config(''helpdesk.erasing'', '''', true)\073
  INSERT INTO "AuditLog" (at, "actorId", "actorEmail", "organizationId", action, "targetType", "targetId", after)
    VALUES (p_at, p_actor, actor_email, org, ''person.erase'', ''User'', p_user::text, jsonb_build_object(''rowsAnonymised'', n))\073
  RETURN n\073
END';

-- Only the roles granted it (scripts/db/app-role.sql) may erase.
REVOKE EXECUTE ON FUNCTION "erase_person"(uuid, uuid, timestamptz) FROM PUBLIC;
