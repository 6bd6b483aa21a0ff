/**
 * Runs before each integration test file: a copy of the run's migrated template database and a
 * Redis prefix of the file's own, set in the environment before the file's modules read it.
 * Copying a template is a fast file copy in PostgreSQL, far quicker than migrating again.
 */
import { afterAll } from "vitest";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropDatabase, maintenanceUrl } from "../../lib/server/db/admin";

const template = process.env.HD_TEST_TEMPLATE_DATABASE_URL;
if (!template) throw new Error("HD_TEST_TEMPLATE_DATABASE_URL is not set: run integration tests with vitest.integration.config.ts");
const templateName = new URL(template).pathname.slice(1);
const suffix = randomBytes(3).toString("hex");
const url = new URL(template);
url.pathname = `/${templateName}_f${suffix}`;

const admin = new pg.Client({ connectionString: maintenanceUrl(template) });
await admin.connect();
try {
  await admin.query(`create database "${templateName}_f${suffix}" template "${templateName}"`);
} finally {
  await admin.end();
}
process.env.DATABASE_URL = url.toString();
process.env.REDIS_PREFIX = `${process.env.HD_TEST_REDIS_PREFIX}-f${suffix}`;

afterAll(async () => {
  await dropDatabase(url.toString());
});
