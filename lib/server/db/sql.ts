import "server-only";
/**
 * Fixed SQL statements for hot paths, run either through Prisma or through a pg pool of their
 * own. Through the pool each statement is prepared once per connection and planned once
 * (generic plans): the SLA timer's write is one large statement whose planning costs
 * PostgreSQL more than a batch of its writes, and Prisma spends a millisecond of JavaScript per
 * raw query. Prisma remains the way to run them anywhere else (tests, the reconciler, the app).
 */
import pg from "pg";
import type { PrismaClient } from "../../generated/prisma/client";
import { readEnv } from "../../config/env";
import type { DbClient } from "./prisma";

export interface Statement {
  /** Unique per text: the name the statement is prepared under. */
  name: string;
  /** With $1, $2, … placeholders. */
  text: string;
}

export interface Sql {
  query<T>(statement: Statement, values: readonly unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction. */
  transaction<R>(fn: (sql: Sql) => Promise<R>): Promise<R>;
}

export function prismaSql(prisma: PrismaClient): Sql {
  const over = (db: DbClient): Sql => ({
    query: <T>(statement: Statement, values: readonly unknown[]) => db.$queryRawUnsafe<T[]>(statement.text, ...values),
    transaction: (fn) => ("$transaction" in db ? (db as PrismaClient).$transaction((tx) => fn(over(tx))) : fn(over(db))),
  });
  return over(prisma);
}

export function poolSql(pool: pg.Pool): Sql {
  const over = (client: pg.Pool | pg.PoolClient): Sql => ({
    query: async <T>(statement: Statement, values: readonly unknown[]) => (await client.query<T & pg.QueryResultRow>({ name: statement.name, text: statement.text, values: [...values] })).rows,
    async transaction(fn) {
      if (!(client instanceof pg.Pool)) return fn(over(client));
      const connection = await client.connect();
      try {
        await connection.query("begin");
        const result = await fn(over(connection));
        await connection.query("commit");
        return result;
      } catch (error) {
        await connection.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
  });
  return over(pool);
}

/**
 * A pg pool whose connections plan prepared statements once (plan_cache_mode=force_generic_plan).
 * An idle connection that PostgreSQL cuts (a restart, a failover) makes the pool emit "error":
 * with no listener that is an uncaught exception and the process dies. It is logged instead; the
 * pool drops that connection and opens a new one when next asked (tests/integration/faults.test.ts).
 */
export function createSqlPool(connectionString?: string, size?: number): pg.Pool {
  const env = readEnv();
  const pool = new pg.Pool({
    connectionString: connectionString ?? env.DATABASE_URL,
    max: size ?? env.DATABASE_POOL_SIZE,
    options: "-c plan_cache_mode=force_generic_plan",
  });
  pool.on("error", (error) => console.error(`[db] an idle connection was lost (the pool opens a new one): ${error.message}`));
  return pool;
}
