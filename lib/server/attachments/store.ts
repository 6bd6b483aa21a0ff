import "server-only";
/**
 * The one small interface over where attachment bytes live, content-addressed by SHA-256 (the
 * same bytes twice are kept once):
 * - PostgreSQL (the default): a row of AttachmentBlob, written in the ticket's transaction, so a
 *   rollback leaves nothing and every web instance and the one backup have it;
 * - a directory (ATTACHMENT_DIR): `<dir>/<first two hex>/<sha256>`, written by an atomic rename
 *   before the commit; a rollback leaves at most an unreferenced file, never listed or served,
 *   because only committed Attachment rows are.
 */
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { AttachmentStoreKind } from "../../generated/prisma/enums";
import type { DbClient } from "../db/prisma";
import { attachmentConfig, type AttachmentConfig } from "./config";
import type { SpooledFile } from "./spool";

export interface AttachmentStore {
  readonly kind: AttachmentStoreKind;
  /** Keeps the file's bytes under its hash (nothing new when they are already kept). */
  put(tx: DbClient, file: SpooledFile): Promise<void>;
  /** The bytes kept under `sha256`, or null. */
  open(db: DbClient, sha256: string): Promise<Readable | null>;
}

export function postgresStore(): AttachmentStore {
  return {
    kind: "POSTGRES",
    async put(tx, file) {
      const kept = await tx.attachmentBlob.findUnique({ where: { sha256: file.sha256 }, select: { sha256: true } });
      if (kept) return;
      const bytes = await readFile(file.path);
      // A concurrent upload of the same bytes waits on the key and then skips.
      await tx.attachmentBlob.createMany({ data: [{ sha256: file.sha256, size: file.size, bytes }], skipDuplicates: true });
    },
    async open(db, sha256) {
      const blob = await db.attachmentBlob.findUnique({ where: { sha256 }, select: { bytes: true } });
      return blob ? Readable.from([Buffer.from(blob.bytes)]) : null;
    },
  };
}

export function diskStore(dir: string): AttachmentStore {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);
  const exists = (path: string) =>
    stat(path).then(
      () => true,
      () => false,
    );
  return {
    kind: "DISK",
    async put(_tx, file) {
      const target = pathOf(file.sha256);
      if (await exists(target)) return;
      await mkdir(join(dir, file.sha256.slice(0, 2)), { recursive: true });
      const partial = join(dir, `.partial-${randomUUID()}`);
      try {
        await copyFile(file.path, partial);
        await rename(partial, target);
      } finally {
        await rm(partial, { force: true });
      }
    },
    async open(_db, sha256) {
      const path = pathOf(sha256);
      return (await exists(path)) ? createReadStream(path) : null;
    },
  };
}

/** The store new files go to (ATTACHMENT_STORE). */
export function configuredStore(config: AttachmentConfig = attachmentConfig()): AttachmentStore {
  if (config.store === "postgres") return postgresStore();
  if (!config.dir) throw new Error("ATTACHMENT_STORE=disk needs ATTACHMENT_DIR");
  return diskStore(config.dir);
}

/** The store a kept file is read from (a file stays where it was written when the setting changes). */
export function storeOf(kind: AttachmentStoreKind, config: AttachmentConfig = attachmentConfig()): AttachmentStore | null {
  if (kind === "POSTGRES") return postgresStore();
  return config.dir ? diskStore(config.dir) : null;
}
