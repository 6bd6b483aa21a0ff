/**
 * Attachments through the REST API (issue 16), for both stores: upload, dedup by hash, download
 * headers, tenancy, limits counted while the bytes stream, types judged by their bytes, and a crash
 * between storing and committing that leaves nothing listed or served.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { db } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { deleteKeys } from "../support/redis-keys";
import { readEnv } from "../../lib/config/env";
import { redis } from "../../lib/server/redis";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import * as ticketsRoute from "../../app/api/v1/tickets/route";
import * as eventsRoute from "../../app/api/v1/tickets/[id]/events/route";
import * as attachmentRoute from "../../app/api/v1/attachments/[id]/route";
import { apiRequest, routeParams } from "../support/api-request";
import { saveAttachments } from "../../lib/server/attachments/save";
import { spoolFile } from "../../lib/server/attachments/spool";
import { attachmentConfig } from "../../lib/server/attachments/config";
import { configuredStore } from "../../lib/server/attachments/store";

/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
/** The start of a Windows program (MZ header, PE stub). */
const EXE = Buffer.concat([
  Buffer.from(
    "4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000000000000000000000000000000000000000000000000000800000000e1fba0e00b409cd21b8014ccd21546869732070726f6772616d2063616e6e6f74",
    "hex",
  ),
  Buffer.from(" be run in DOS mode.\r\r\n$"),
  Buffer.alloc(2048, 1),
]);

interface Part {
  name: string;
  bytes: Buffer;
  type?: string;
}

function multipart(token: string | undefined, path: string, fields: Record<string, string>, files: Part[]): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const f of files) form.append("files", new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "application/octet-stream" }), f.name);
  return new Request(`http://test/api/v1${path}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
}

interface AttachmentJson {
  id: string;
  name: string;
  size: number;
  contentType: string;
  url: string;
}

const resetRateLimits = () => deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);

describe.each(["postgres", "disk"] as const)("attachments in the %s store", (store) => {
  const prisma = db();
  const tokens = new Map<string, string>();
  let dir = "";
  const token = (who: string) => tokens.get(who);
  const register = (who: string, files: Part[], fields: Record<string, string> = {}) =>
    ticketsRoute.POST(multipart(token(who), "/tickets", { title: "Feilmelding ved innlogging", description: "Se skjermbildet", priority: "P3", ...fields }, files));
  const act = (who: string, id: string, fields: Record<string, string>, files: Part[]) => eventsRoute.POST(multipart(token(who), `/tickets/${id}/events`, fields, files), routeParams(id));
  const download = (who: string, url: string) => attachmentRoute.GET(apiRequest(token(who), url.replace("/api/v1", "")), routeParams(url.split("/").pop()!));
  const events = async (who: string, id: string) =>
    (await (await eventsRoute.GET(apiRequest(token(who), `/tickets/${id}/events`), routeParams(id))).json()).items as { type: string; attachments?: AttachmentJson[] }[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "attachments-test-"));
    process.env.ATTACHMENT_STORE = store;
    process.env.ATTACHMENT_DIR = dir;
    await seed(prisma);
    await resetRateLimits();
    for (const email of ["kari@nordlys.example", "ola@nordlys.example", "lise@servicedesk.example", "sara@bergheim.example"]) {
      tokens.set(email.split("@")[0]!, (await createApiToken({ input: { email }, ctx: { prisma, now: () => new Date() } })).token);
    }
  });
  afterAll(async () => {
    delete process.env.ATTACHMENT_STORE;
    delete process.env.ATTACHMENT_DIR;
    await rm(dir, { recursive: true, force: true });
  });

  it("registers a ticket with a screenshot and a log, lists them, and serves each with safe headers", async () => {
    const log = Buffer.from("2026-11-30 08:01:12 ERROR login failed for kari\n".repeat(50));
    const response = await register("kari", [
      { name: "skjermbilde.png", bytes: PNG, type: "image/png" },
      // The browser's word is not believed: this is text, whatever it says.
      { name: "app.log", bytes: log, type: "image/png" },
    ]);
    expect(response.status).toBe(201);
    const ticket = (await response.json()) as { id: string; attachments: AttachmentJson[] };
    expect(ticket.attachments).toEqual([
      { id: expect.any(String), name: "skjermbilde.png", size: PNG.length, contentType: "image/png", url: `/api/v1/attachments/${ticket.attachments[0]!.id}` },
      { id: expect.any(String), name: "app.log", size: log.length, contentType: "text/plain; charset=utf-8", url: `/api/v1/attachments/${ticket.attachments[1]!.id}` },
    ]);
    const registered = (await events("kari", ticket.id)).find((e) => e.type === "REGISTERED");
    expect(registered?.attachments?.map((a) => a.name)).toEqual(["skjermbilde.png", "app.log"]);

    const image = await download("kari", ticket.attachments[0]!.url);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("content-disposition")).toMatch(/^inline; filename="skjermbilde.png"/);
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");

    const text = await download("ola", ticket.attachments[1]!.url);
    expect(text.status).toBe(200);
    expect(Buffer.from(await text.arrayBuffer()).equals(log)).toBe(true);
    expect(text.headers.get("content-disposition")).toMatch(/^attachment; filename="app.log"/);
    expect(text.headers.get("x-content-type-options")).toBe("nosniff");
    const stored = await prisma.attachment.findUniqueOrThrow({ where: { id: ticket.attachments[0]!.id } });
    expect(stored.store).toBe(store === "postgres" ? "POSTGRES" : "DISK");
    expect(stored.scanResult).toBeNull(); // no CLAMD_SOCKET: not scanned
  });

  it("keeps the same bytes once, however many tickets carry them", async () => {
    const bytes = Buffer.concat([PNG, Buffer.from(`dedup-${store}`)]);
    const first = (await (await register("kari", [{ name: "a.png", bytes }])).json()) as { attachments: AttachmentJson[] };
    const second = (await (await register("ola", [{ name: "b.png", bytes }])).json()) as { attachments: AttachmentJson[] };
    const rows = await prisma.attachment.findMany({ where: { id: { in: [first.attachments[0]!.id, second.attachments[0]!.id] } } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.sha256).toBe(rows[1]!.sha256);
    if (store === "postgres") expect(await prisma.attachmentBlob.count({ where: { sha256: rows[0]!.sha256 } })).toBe(1);
    else expect(await readdir(join(dir, rows[0]!.sha256.slice(0, 2)))).toEqual([rows[0]!.sha256]);
    for (const [who, a] of [
      ["kari", first.attachments[0]!],
      ["ola", second.attachments[0]!],
    ] as const) {
      expect(Buffer.from(await (await download(who, a.url)).arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it("answers 404 for another organisation's file, and for an internal note's file to the customer", async () => {
    const ticket = (await (await register("kari", [{ name: "kari.png", bytes: PNG }])).json()) as { id: string; attachments: AttachmentJson[] };
    expect((await download("sara", ticket.attachments[0]!.url)).status).toBe(404);
    expect((await download("kari", "/api/v1/attachments/not-a-uuid")).status).toBe(404);

    const debugLog = { name: "debug.log", bytes: Buffer.from("stack trace with internal hostnames\n") };
    const noted = await act("lise", ticket.id, { type: "note", body: "Se loggen fra serveren" }, [debugLog]);
    expect(noted.status).toBe(200);
    const staffNote = (await events("lise", ticket.id)).find((e) => e.type === "INTERNAL_NOTE");
    const internal = staffNote!.attachments![0]!;
    expect(internal.name).toBe("debug.log");
    expect((await prisma.attachment.findUniqueOrThrow({ where: { id: internal.id } })).visibility).toBe("INTERNAL");
    expect((await download("lise", internal.url)).status).toBe(200);
    expect((await download("kari", internal.url)).status).toBe(404);
    expect((await download("ola", internal.url)).status).toBe(404);
    const customerSees = await events("kari", ticket.id);
    expect(customerSees.flatMap((e) => e.attachments ?? []).map((a) => a.name)).toEqual(["kari.png"]);

    // A public reply's file is the customer's to see.
    const reply = await act("lise", ticket.id, { type: "reply", body: "Prøv denne" }, [{ name: "fix.txt", bytes: Buffer.from("steg 1\n") }]);
    expect(reply.status).toBe(200);
    const publicFile = (await events("kari", ticket.id)).find((e) => e.type === "PUBLIC_REPLY")!.attachments![0]!;
    expect((await download("kari", publicFile.url)).status).toBe(200);
  });

  it("refuses a 21 MB file while it streams: the body is not read to its end and memory stays flat", async () => {
    const boundary = "----attachments-test-boundary";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nStor fil\r\n--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nfor stor\r\n--${boundary}\r\nContent-Disposition: form-data; name="priority"\r\n\r\nP4\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="stor.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const total = 21 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 7);
    /** Uploads 21 MB from a stream that makes each chunk only when asked; returns how much was asked for. */
    async function upload() {
      let sent = 0;
      let started = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (!started) controller.enqueue(new Uint8Array(head));
          started = true;
          if (sent >= total) {
            controller.enqueue(new Uint8Array(Buffer.from(`\r\n--${boundary}--\r\n`)));
            controller.close();
          } else {
            controller.enqueue(chunk); // the same bytes every time: the producer itself allocates nothing
            sent += chunk.length;
          }
        },
      });
      const request = new Request("http://test/api/v1/tickets", {
        method: "POST",
        headers: { authorization: `Bearer ${token("kari")}`, "content-type": `multipart/form-data; boundary=${boundary}` },
        body,
        duplex: "half",
      } as RequestInit);
      const response = await ticketsRoute.POST(request);
      return { response, sent };
    }
    const before = await prisma.attachment.count();
    await upload(); // the first run loads the code paths; the second one is measured
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 2);
    const { response, sent } = await upload();
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    expect(response.status).toBe(422);
    const answer = (await response.json()) as { error: { message: string } };
    expect(answer.error.message).toBe("“stor.bin” is larger than 20 MB and was not uploaded.");
    const limit = attachmentConfig().limits.maxBytes;
    // Reading stopped at the limit (plus what the stream buffers ahead), well before the 21 MB end.
    expect(sent).toBeGreaterThan(limit - chunk.length);
    expect(sent).toBeLessThan(limit + 8 * chunk.length);
    // The file went to a temporary file as it came, never into memory whole.
    const growth = rssPeak - rssBefore;
    console.log(`21 MB upload (${store}): ${(sent / 1048576).toFixed(2)} MB read of ${(total / 1048576).toFixed(0)} MB, RSS growth ${(growth / 1048576).toFixed(1)} MB`);
    expect(growth).toBeLessThan(8 * 1024 * 1024);
    expect(await prisma.attachment.count()).toBe(before);
  });

  it("refuses a program renamed to .pdf by its bytes, and a script by its name, with a clear message", async () => {
    const before = await prisma.ticket.count();
    const exe = await register("kari", [{ name: "faktura.pdf", bytes: EXE, type: "application/pdf" }]);
    expect(exe.status).toBe(422);
    expect(((await exe.json()) as { error: { message: string } }).error.message).toBe("“faktura.pdf” is a type of file we do not accept (programs and scripts, such as exe).");
    const script = await register("kari", [{ name: "fix.ps1", bytes: Buffer.from("Remove-Item C:\\ -Recurse") }]);
    expect(script.status).toBe(422);
    const html = await register("kari", [{ name: "side.txt", bytes: Buffer.from("<!DOCTYPE html><script>alert(1)</script>") }]);
    expect(html.status).toBe(422);
    const tooMany = await register(
      "kari",
      Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, bytes: Buffer.from(`fil ${i}`) })),
    );
    expect(tooMany.status).toBe(422);
    expect(((await tooMany.json()) as { error: { message: string } }).error.message).toBe("You can attach at most 10 files to one message.");
    expect(await prisma.ticket.count()).toBe(before);
  });

  it("leaves nothing listed or served when the transaction fails after the file was stored", async () => {
    const ticket = (await (await register("kari", [])).json()) as { id: string };
    const event = await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id, type: "REGISTERED" } });
    const kari = await prisma.user.findUniqueOrThrow({ where: { email: "kari@nordlys.example" } });
    const bytes = Buffer.from(`orphan candidate ${store} ${Date.now()}`);
    const file = await spoolFile(Readable.from([bytes]), "orphan.txt", attachmentConfig().limits);
    let storedId: string | null = null;
    await expect(
      prisma.$transaction(async (tx) => {
        await saveAttachments(tx, { files: [file], store: configuredStore() }, { ticketId: ticket.id, eventId: event.id, uploaderId: kari.id, visibility: "PUBLIC", at: new Date() });
        storedId = (await tx.attachment.findFirstOrThrow({ where: { sha256: file.sha256 } })).id;
        throw new Error("crash before the commit");
      }),
    ).rejects.toThrow("crash before the commit");
    expect(storedId).not.toBeNull();
    expect(await prisma.attachment.count({ where: { sha256: file.sha256 } })).toBe(0);
    if (store === "postgres") expect(await prisma.attachmentBlob.count({ where: { sha256: file.sha256 } })).toBe(0);
    expect((await events("kari", ticket.id)).flatMap((e) => e.attachments ?? [])).toEqual([]);
    expect((await download("kari", `/api/v1/attachments/${storedId!}`)).status).toBe(404);
    expect((await download("lise", `/api/v1/attachments/${storedId!}`)).status).toBe(404);
  });

  it("keeps JSON registration working exactly as before (no files: an empty list)", async () => {
    const response = await ticketsRoute.POST(apiRequest(token("kari"), "/tickets", { title: "Uten vedlegg", description: "bare tekst", priority: "P4" }));
    expect(response.status).toBe(201);
    expect(((await response.json()) as { attachments: unknown[] }).attachments).toEqual([]);
  });
});

afterAll(async () => {
  await db().$disconnect();
  redis().disconnect();
});
