-- erase_person (issue 15) also erases what e-mail intake (issue 17) keeps of the person: the raw
-- RFC 822 messages they sent (emptied: headers and body name them), the sender address and name on
-- those rows, and the bounce reason on their user. The rest of the function is unchanged, and the same
-- escape of semicolons as \073 applies (see audit_append_only_scopes).
CREATE OR REPLACE FUNCTION "erase_person"(p_user uuid, p_actor uuid, p_at timestamptz DEFAULT now()) RETURNS integer
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
  -- E-mail taken in from them (issue 17): the raw message, the address and name of the sender, and the bounce reason recorded on them.
  UPDATE "User" SET "emailBounceReason" = NULL WHERE id = p_user\073
  UPDATE "InboundMail" SET raw = ''''::bytea, "fromAddress" = ''erased-'' || p_user::text || ''@erased.invalid'', "fromName" = NULL
    WHERE "senderId" = p_user OR lower("fromAddress") = lower(old_email)\073
  GET DIAGNOSTICS c = ROW_COUNT\073 n := n + c\073
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
