import "server-only";
/**
 * Prisma's schema engine, compiled to WebAssembly (@prisma/schema-engine-wasm), so migrations work
 * where the native engine binaries cannot be downloaded. The package's own entry imports the .wasm
 * file as an ES module, which needs --experimental-wasm-modules; instantiating the bytes ourselves
 * with the package's JS glue does the same without any Node flag.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

let loaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    // The .wasm file is not in the package's exports; it sits beside the glue module.
    const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const bytes = await readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    glue.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return loaded;
}

export interface EngineHandle {
  engine: SchemaEngine;
  logs: string[];
  /** Frees the engine and closes its connections (a database with none left can be copied or dropped). */
  close(): Promise<void>;
}

/**
 * An engine connected to `connectionString`. The engine connects as it starts, even for a
 * schema → schema diff that never touches the database.
 */
export async function openSchemaEngine(opts: { connectionString: string; datamodel?: string }): Promise<EngineHandle> {
  await loadWasm();
  const logs: string[] = [];
  // Our own pool, so that closing the handle really closes the connections (freeing the engine does not).
  const pool = new pg.Pool({ connectionString: opts.connectionString, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const engine = await glue.SchemaEngine.new({ datamodels: opts.datamodel ? [["schema.prisma", opts.datamodel]] : undefined }, (log: string) => logs.push(log), adapter);
  return {
    engine,
    logs,
    close: async () => {
      engine.free();
      await pool.end();
    },
  };
}
