/**
 * npm start: the built app behind a thin Node HTTP server that refuses, before Next.js sees them,
 * the methods the app never answers (TRACE and CONNECT make Next.js fail with a 500; made-up
 * methods have no business here): 405 with the same defensive headers as every other answer.
 * Everything else goes to Next.js, whose proxy.ts sets the per-request headers.
 * Usage: node scripts/start.mjs [-p port] [-H host]   (PORT and HOSTNAME work too)
 */
import { createServer } from "node:http";
import { createRequire } from "node:module";
import next from "next";

/** The same list proxy.ts answers (lib/server/http/security.ts reads it too). */
const ALLOWED_METHODS = createRequire(import.meta.url)("../lib/server/http/allowed-methods.json");

const REFUSAL_HEADERS = {
  "content-type": "text/plain; charset=utf-8",
  allow: ALLOWED_METHODS.join(", "),
  "cache-control": "no-store",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function option(flag, fallback) {
  const i = process.argv.indexOf(flag);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main() {
  if (!process.env.NEXTAUTH_SECRET) {
    console.error("NEXTAUTH_SECRET is not set: set it to a long random value (openssl rand -base64 32) before starting the app.");
    process.exit(1);
  }
  const port = Number(option("-p", process.env.PORT ?? "3000"));
  const hostname = option("-H", process.env.HOSTNAME ?? "0.0.0.0");
  const app = next({ dev: false, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const allowed = new Set(ALLOWED_METHODS);
  const trustProxy = ["1", "true"].includes(process.env.TRUST_PROXY ?? ""); // as lib/config/env.ts reads it
  createServer((req, res) => {
    if (!allowed.has(req.method ?? "")) {
      res.writeHead(405, REFUSAL_HEADERS);
      res.end("Method not allowed");
      return;
    }
    // The client's address for the sign-in throttle: from the socket, or with TRUST_PROXY from the
    // proxy's X-Forwarded-For; whatever a client sent in this header itself is dropped.
    const forwarded = trustProxy
      ? String(req.headers["x-forwarded-for"] ?? "")
          .split(",")[0]
          ?.trim()
      : "";
    req.headers["x-helpdesk-client-address"] = forwarded || req.socket.remoteAddress || "unknown";
    void handle(req, res);
  }).listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));
}

await main();
