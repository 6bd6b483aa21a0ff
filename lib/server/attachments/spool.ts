import "server-only";
/**
 * An incoming file, streamed to a temporary file while its bytes are counted and hashed: the
 * upload is aborted at the first byte past the limit, so a file is never held whole in memory
 * and an oversized one is never read to its end. Its type is decided from its first bytes.
 */
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { maxMb, type AttachmentLimits } from "./config";
import { AttachmentRefused } from "./errors";
import { SNIFF_BYTES, detectFileType } from "./file-types";

export interface SpooledFile {
  /** The temporary file holding the bytes (removed by `discard`). */
  path: string;
  name: string;
  size: number;
  sha256: string;
  contentType: string;
  scanResult: string | null;
}

let spoolDir: Promise<string> | null = null;
const directory = () => (spoolDir ??= mkdtemp(join(tmpdir(), "helpdesk-upload-")));

// eslint-disable-next-line no-control-regex
const CONTROL_AND_QUOTES = /[\u0000-\u001f\u007f"]/g;

/** A file name as we keep it: no path, no control characters, at most 200 characters. */
export function cleanName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(CONTROL_AND_QUOTES, "").trim().slice(0, 200);
  return clean || "file";
}

/**
 * Reads `source` to a temporary file. Throws AttachmentRefused (and destroys the source, so the
 * rest of an oversized upload is not read) when the file is too large, empty or of a blocked type.
 */
export async function spoolFile(source: Readable, rawName: string, limits: AttachmentLimits): Promise<SpooledFile> {
  const name = cleanName(rawName);
  const path = join(await directory(), randomUUID());
  const out = createWriteStream(path);
  const hash = createHash("sha256");
  const head: Buffer[] = [];
  let headBytes = 0;
  let size = 0;
  try {
    for await (const chunk of source) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > limits.maxBytes) {
        source.destroy();
        throw new AttachmentRefused("attachments.refused.tooLarge", { name, maxMb: maxMb(limits) });
      }
      if (headBytes < SNIFF_BYTES) {
        head.push(buf.subarray(0, SNIFF_BYTES - headBytes));
        headBytes += Math.min(buf.length, SNIFF_BYTES - headBytes);
      }
      hash.update(buf);
      if (!out.write(buf)) await new Promise<void>((resolve) => out.once("drain", resolve));
    }
    out.end();
    await finished(out);
    if (size === 0) throw new AttachmentRefused("attachments.refused.empty", { name });
    const detected = await detectFileType(Buffer.concat(head), name);
    if (detected.blocked) throw new AttachmentRefused("attachments.refused.blocked", { name, kind: detected.blocked });
    return { path, name, size, sha256: hash.digest("hex"), contentType: detected.contentType, scanResult: null };
  } catch (error) {
    out.destroy();
    await rm(path, { force: true });
    throw error;
  }
}

/** Removes the temporary files (after the commit, or after a refusal). */
export async function discard(files: readonly SpooledFile[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.path, { force: true })));
}
