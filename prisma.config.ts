import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/config/env";

// Prisma 7 reads the connection from here, not from the schema. Migrations are applied by
// `npm run db:migrate` (scripts/db/migrate.ts, Prisma's schema engine compiled to WASM), which
// keeps `_prisma_migrations` exactly as `prisma migrate deploy` would on a connected machine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: databaseUrl() },
});
