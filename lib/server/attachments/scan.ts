import "server-only";
/**
 * The optional virus scan: the file is streamed to clamd with its INSTREAM command (each chunk
 * prefixed by its length as 4 bytes big-endian, a zero length ends it). Off when CLAMD_SOCKET is
 * unset; its answer ("OK" or the signature found) is stored with the attachment.
 */
import { createReadStream } from "node:fs";
import { connect, type Socket } from "node:net";
import { AttachmentRefused } from "./errors";
import type { SpooledFile } from "./spool";

const CHUNK = 64 * 1024;

function open(socket: string): Socket {
  const tcp = /^tcp:\/\/([^:/]+):(\d+)\/?$/.exec(socket);
  return tcp ? connect(Number(tcp[2]), tcp[1]) : connect(socket);
}

/** clamd's verdict on the file: "OK", or the name of what it found. Throws when clamd cannot be asked. */
export async function clamdVerdict(socket: string, path: string, timeoutMs = 30_000): Promise<string> {
  const conn = open(socket);
  conn.setTimeout(timeoutMs, () => conn.destroy(new Error("clamd did not answer in time")));
  const answer = new Promise<string>((resolve, reject) => {
    const parts: Buffer[] = [];
    conn.on("data", (d: Buffer) => parts.push(d));
    conn.on("end", () => resolve(Buffer.concat(parts).toString("utf8").replace(/\0/g, "").trim()));
    conn.on("error", reject);
  });
  await new Promise<void>((resolve, reject) => {
    conn.once("connect", resolve);
    conn.once("error", reject);
  });
  conn.write("zINSTREAM\0");
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    const buf = chunk as Buffer;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(buf.length);
    if (!conn.write(Buffer.concat([length, buf]))) await new Promise((r) => conn.once("drain", r));
  }
  conn.end(Buffer.alloc(4));
  const reply = await answer;
  // "stream: OK" or "stream: Eicar-Test-Signature FOUND"
  const found = /^stream:\s*(.+)\s+FOUND$/.exec(reply);
  if (found) return found[1]!;
  if (/^stream:\s*OK$/.test(reply)) return "OK";
  throw new Error(`clamd answered: ${reply}`);
}

/** Scans the file when a scanner is configured; refuses it when something is found or the scan fails. */
export async function scanFile(socket: string | undefined, file: SpooledFile): Promise<SpooledFile> {
  if (!socket) return file;
  let verdict: string;
  try {
    verdict = await clamdVerdict(socket, file.path);
  } catch (error) {
    console.error("clamd scan failed:", error instanceof Error ? error.message : error);
    throw new AttachmentRefused("attachments.refused.scanFailed", { name: file.name });
  }
  if (verdict !== "OK") throw new AttachmentRefused("attachments.refused.infected", { name: file.name, signature: verdict });
  return { ...file, scanResult: verdict };
}
