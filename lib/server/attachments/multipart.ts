import "server-only";
/**
 * A multipart/form-data body read as it streams (busboy): text fields, and the `files` parts each
 * spooled with its limits counted as the bytes arrive (spool.ts). On the first refusal the
 * request body stops being read, and whatever was spooled is removed.
 */
import busboy from "busboy";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { badRequest } from "../errors";
import type { AttachmentConfig } from "./config";
import { AttachmentRefused } from "./errors";
import { scanFile } from "./scan";
import { discard, spoolFile, type SpooledFile } from "./spool";

/** The text fields of a form are small (the largest is 20 000 characters). */
const MAX_FIELD_BYTES = 256 * 1024;

export interface Upload {
  fields: Record<string, string>;
  files: SpooledFile[];
}

export const isMultipart = (request: Request): boolean => (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");

/** Reads a multipart body from any byte stream (a Request's body, or a file's in the tests). */
export async function readMultipartStream(contentType: string, body: Readable, config: Pick<AttachmentConfig, "limits" | "clamdSocket">): Promise<Upload> {
  const { limits } = config;
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, limits: { fieldSize: MAX_FIELD_BYTES, fields: 100 } });
  } catch {
    throw badRequest("The request body must be multipart/form-data with a boundary");
  }
  const fields: Record<string, string> = {};
  const pending: Promise<SpooledFile>[] = [];
  const streams = new Set<Readable>();
  let failure: unknown = null;
  const done = new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (failure) return;
      failure = error;
      body.unpipe(parser);
      body.destroy();
      // Files still arriving stop too (their spooling throws and removes what it wrote).
      for (const stream of streams) stream.destroy(new Error("upload aborted"));
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) fail(badRequest(`The field ${name} is too long`));
      else fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (failure) return void stream.resume();
      if (name !== "files") {
        stream.resume();
        return fail(badRequest('Files are sent in the field "files"'));
      }
      if (pending.length >= limits.maxFiles) {
        stream.resume();
        return fail(new AttachmentRefused("attachments.refused.tooMany", { maxFiles: limits.maxFiles }));
      }
      streams.add(stream);
      stream.once("close", () => streams.delete(stream));
      const spooled = spoolFile(stream, info.filename ?? "file", limits).then((file) => scanFile(config.clamdSocket, file));
      spooled.catch(fail);
      pending.push(spooled);
    });
    parser.on("close", resolve);
    parser.on("error", () => fail(badRequest("The multipart body is malformed")));
    body.on("error", (error) => fail(failure ?? error));
  });
  body.pipe(parser);
  // Every file part has begun once parsing ends (or fails): then wait for each to be spooled.
  await done.catch(() => undefined);
  const outcome = await Promise.allSettled(pending);
  const files = outcome.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
  if (failure || outcome.some((o) => o.status === "rejected")) {
    await discard(files);
    const first = outcome.find((o): o is PromiseRejectedResult => o.status === "rejected");
    throw failure ?? first?.reason;
  }
  return { fields, files };
}

export async function readMultipart(request: Request, config: Pick<AttachmentConfig, "limits" | "clamdSocket">): Promise<Upload> {
  if (!request.body) throw badRequest("The request has no body");
  return readMultipartStream(request.headers.get("content-type") ?? "", Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), config);
}
