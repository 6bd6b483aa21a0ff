-- The database role the app runs as (issue 15: the audit log and "TicketEvent" are append-only in
-- the database itself). Run once per database by its owner (the role that runs `npm run
-- db:migrate`), after the migrations, and again after a migration adds a table only if the owner
-- differs from the one below's ALTER DEFAULT PRIVILEGES:
--
--   psql "$MIGRATE_DATABASE_URL" -v app_password="'…'" -f scripts/db/app-role.sql
--
-- then point DATABASE_URL at helpdesk_app_login (or give the role LOGIN yourself). Without
-- -v app_password only the NOLOGIN role helpdesk_app is created; members of it get its rights.
--
-- helpdesk_app may read and write every table except that on "AuditLog" and "TicketEvent" it has
-- INSERT and SELECT only: no UPDATE, DELETE or TRUNCATE. The trigger refuse_change_append_only
-- refuses those to every role (the owner too), and the only way to change a row there is the
-- audited function erase_person(user, actor), which helpdesk_app may execute.
-- Idempotent: safe to run again.

SELECT 'CREATE ROLE helpdesk_app NOLOGIN'
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'helpdesk_app') \gexec

GRANT USAGE ON SCHEMA public TO helpdesk_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO helpdesk_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO helpdesk_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO helpdesk_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO helpdesk_app;

-- Append-only: what the app may do on the two tables is append and read.
REVOKE ALL ON "AuditLog", "TicketEvent" FROM helpdesk_app;
GRANT SELECT, INSERT ON "AuditLog", "TicketEvent" TO helpdesk_app;
-- The migrations' bookkeeping is the owner's alone.
REVOKE ALL ON "_prisma_migrations" FROM helpdesk_app;

GRANT EXECUTE ON FUNCTION erase_person(uuid, uuid, timestamptz) TO helpdesk_app;

-- A login role for DATABASE_URL, when a password is given (-v app_password="'secret'").
\if :{?app_password}
SELECT 'CREATE ROLE helpdesk_app_login LOGIN IN ROLE helpdesk_app'
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'helpdesk_app_login') \gexec
ALTER ROLE helpdesk_app_login WITH LOGIN PASSWORD :app_password;
\endif
