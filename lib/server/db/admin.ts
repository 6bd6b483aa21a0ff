import "server-only";
/** Creating and dropping whole databases (set-up and tests), through the maintenance database. */
import pg from "pg";

function split(connectionString: string): { admin: string; name: string } {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Unsupported database name in ${url.origin}: "${name}"`);
  url.pathname = "/postgres";
  return { admin: url.toString(), name };
}

/** The same server's maintenance database, which always exists. */
export const maintenanceUrl = (connectionString: string): string => split(connectionString).admin;

async function withAdmin<T>(connectionString: string, fn: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
  const { admin, name } = split(connectionString);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    return await fn(client, name);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(connectionString: string): Promise<boolean> {
  return withAdmin(connectionString, async (client, name) => {
    const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount) return false;
    try {
      await client.query(`create database "${name}"`);
    } catch (error) {
      // Another process created it in the meantime.
      if ((error as { code?: string }).code !== "42P04") throw error;
    }
    return true;
  });
}

export async function dropDatabase(connectionString: string): Promise<void> {
  await withAdmin(connectionString, (client, name) => client.query(`drop database if exists "${name}" with (force)`));
}
