import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { MIGRATIONS_DIR, MigrationError, SCHEMA_FILE, createMigration, diffSchemas, listMigrationNames, migrate } from "../../lib/server/db/migrations";
import { createTempDatabase } from "../support/temp-database";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * The schema as pg_dump prints it, without the bookkeeping table and comments. For the drift
 * check, column order within a table and the order of enum values are normalised: a migration
 * adds columns and enum values at the end (ALTER TABLE ADD COLUMN, ALTER TYPE ADD VALUE), while
 * a schema built in one go follows the order of schema.prisma.
 */
function normalisedSchema(url: string): string {
  return schemaDump(url)
    .replace(/(CREATE TABLE [^\n]+ \(\n)([\s\S]*?)(\n\);)/g, (_m, head: string, body: string, tail: string) => {
      const lines = body.split("\n").map((line) => line.replace(/,$/, ""));
      return head + lines.sort().join(",\n") + tail;
    })
    .replace(/AS ENUM \(\n([\s\S]*?)\n\);/g, (_m, body: string) => {
      const values = body.split("\n").map((line) => line.trim().replace(/,$/, ""));
      return `AS ENUM (\n    ${values.sort().join(",\n    ")}\n);`;
    });
}

/**
 * What only the migrations hold, because Prisma's schema language cannot say it: functions and
 * triggers (the append-only rule of AuditLog and TicketEvent). Split off before the comparison.
 */
function databaseOnly(dump: string): { rest: string; functions: string[]; triggers: string[] } {
  const functions = [...dump.matchAll(/^CREATE FUNCTION ([^(]+)\(/gm)].map((m) => m[1]!);
  const triggers = [...dump.matchAll(/^CREATE TRIGGER "([^"]+)" (.+) ON (\S+) /gm)].map((m) => `${m[3]} ${m[1]}: ${m[2]}`);
  const rest = dump.replace(/^CREATE FUNCTION [\s\S]*?\$\$;\n/gm, "").replace(/^CREATE TRIGGER .*\n/gm, "");
  return { rest, functions, triggers };
}

function schemaDump(url: string): string {
  const out = execFileSync("pg_dump", ["--schema-only", "--no-owner", "--no-privileges", "--exclude-table=_prisma_migrations", url], {
    encoding: "utf8",
  });
  return out
    .split("\n")
    .filter((line) => !line.startsWith("--") && !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict") && line.trim() !== "")
    .join("\n");
}

describe("npm run db:migrate (Prisma's WASM schema engine)", () => {
  const drops: Array<() => Promise<void>> = [];
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "hd-migrations-"));
  });
  afterAll(async () => {
    await Promise.all(drops.map((drop) => drop()));
    await rm(scratch, { recursive: true, force: true });
  });

  it("creates the schema on an empty database, records it like prisma migrate deploy, and is a no-op the second time", async () => {
    const db = await createTempDatabase("migrate");
    drops.push(db.drop);
    const names = await listMigrationNames();
    expect(names.length).toBeGreaterThan(0);

    const first = await migrate(db.url);
    expect(first.applied).toEqual(names);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      db.url,
      "select migration_name, checksum, finished_at, applied_steps_count from _prisma_migrations order by migration_name",
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await query<{ tablename: string }>(db.url, "select tablename from pg_tables where schemaname = 'public'");
    expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(["Ticket", "TicketEvent", "SlaClock", "AgreementVersion"]));

    const before = schemaDump(db.url);
    const second = await migrate(db.url);
    expect(second.applied).toEqual([]);
    expect(second.latest).toBe(names.at(-1));
    expect(schemaDump(db.url)).toBe(before);
    expect(await query(db.url, "select 1 from _prisma_migrations")).toHaveLength(names.length);
  });

  it("leaves the database unchanged when a migration is broken, and names the migration that failed", async () => {
    const db = await createTempDatabase("broken");
    drops.push(db.drop);
    const dir = join(scratch, "broken");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await migrate(db.url, dir);
    const schemaBefore = schemaDump(db.url);
    const historyBefore = await query(db.url, "select * from _prisma_migrations order by migration_name");

    await mkdir(join(dir, "29990101000000_add_widgets"));
    await writeFile(join(dir, "29990101000000_add_widgets", "migration.sql"), 'CREATE TABLE "Widget" ("id" INTEGER);\n');
    await mkdir(join(dir, "29990102000000_broken"));
    await writeFile(join(dir, "29990102000000_broken", "migration.sql"), 'CREATE TABLE "ShouldNotExist" ("id" INTEGER);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;\n');

    const failure = await migrate(db.url, dir).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migration).toBe("29990102000000_broken");
    expect((failure as MigrationError).message).toMatch(/^Migration 29990102000000_broken failed: relation "NoSuchTable" does not exist/);

    expect(schemaDump(db.url)).toBe(schemaBefore);
    expect(await query(db.url, "select * from _prisma_migrations order by migration_name")).toEqual(historyBefore);
  });

  it("the committed migrations build exactly the schema in prisma/schema.prisma (no drift)", async () => {
    const fromMigrations = await createTempDatabase("drift_a");
    const fromSchema = await createTempDatabase("drift_b");
    drops.push(fromMigrations.drop, fromSchema.drop);
    await migrate(fromMigrations.url);
    const sql = await diffSchemas(fromSchema.url, null, await readFile(SCHEMA_FILE, "utf8"));
    await query(fromSchema.url, sql);
    const migrated = databaseOnly(normalisedSchema(fromMigrations.url));
    expect(migrated.rest).toBe(normalisedSchema(fromSchema.url));
    expect(migrated.functions.sort()).toEqual([
      "public.erase_person",
      "public.refuse_change_append_only",
      "public.search_query",
      "public.search_vector",
      "public.ticket_event_is_public",
      "public.ticket_search_add_message",
      "public.ticket_search_on_event",
      "public.ticket_search_on_organization",
      "public.ticket_search_on_requester",
      "public.ticket_search_on_ticket",
      "public.ticket_search_refresh",
    ]);
    expect(migrated.triggers.sort()).toEqual([
      'public."AuditLog" AuditLog_append_only: BEFORE DELETE OR UPDATE',
      'public."AuditLog" AuditLog_no_truncate: BEFORE TRUNCATE',
      'public."Organization" Organization_search_update: AFTER UPDATE OF name',
      'public."Ticket" Ticket_search_insert: AFTER INSERT',
      'public."Ticket" Ticket_search_update: AFTER UPDATE OF reference, title, description, "requesterId"',
      'public."TicketEvent" TicketEvent_append_only: BEFORE DELETE OR UPDATE',
      'public."TicketEvent" TicketEvent_search_insert: AFTER INSERT',
      'public."TicketEvent" TicketEvent_search_update: AFTER UPDATE',
      'public."User" User_search_update: AFTER UPDATE OF name, email',
    ]);
  });

  it("npm run db:migration writes the next migration from the schema change, and nothing when there is none", async () => {
    const db = await createTempDatabase("new_migration");
    drops.push(db.drop);
    const dir = join(scratch, "new");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const schemaFile = join(scratch, "schema.prisma");
    const schema = await readFile(SCHEMA_FILE, "utf8");

    await writeFile(schemaFile, schema);
    expect(await createMigration(db.url, "nothing", { dir, schemaFile })).toBeNull();

    await writeFile(schemaFile, `${schema}\nmodel MigrationProbe {\n  id       String   @id @db.Uuid\n  startsAt DateTime @db.Timestamptz(3)\n}\n`);
    const folder = await createMigration(db.url, "Add migration probe", { dir, schemaFile, now: new Date("2030-01-02T03:04:05Z") });
    expect(folder).toBe("20300102030405_add_migration_probe");
    const sql = await readFile(join(dir, folder!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "MigrationProbe"');
    expect(sql).not.toContain('CREATE TABLE "Ticket"');

    const applied = await migrate(db.url, dir);
    expect(applied.applied.at(-1)).toBe(folder);
    expect(await query(db.url, 'select * from "MigrationProbe"')).toEqual([]);
  });
});
