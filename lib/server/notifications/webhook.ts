import "server-only";
/**
 * Signed webhooks (Teams, Slack, SMS gateways). Each request carries
 *
 *   X-Helpdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of `${t}.${raw body}` with the endpoint's secret>
 *   X-Helpdesk-Delivery / Idempotency-Key: <notification id> (the same on every retry)
 *
 * A receiver verifies it (see `verifyWebhookSignature`): take `t` and `v1` from the header,
 * compute HMAC-SHA256(secret, `${t}.${rawBody}`) over the body bytes exactly as received (before
 * any JSON parsing), compare in constant time, and reject a `t` more than 5 minutes from its own
 * clock (replays). Delivery is at least once: drop a request whose X-Helpdesk-Delivery it has seen.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const WEBHOOK_TIMEOUT_MS = 5_000;
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, body: string, timestamp: number): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${digest}`;
}

export function verifyWebhookSignature({
  secret,
  body,
  header,
  now = new Date(),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
}: {
  secret: string;
  body: string;
  header: string | null | undefined;
  now?: Date;
  toleranceSeconds?: number;
}): boolean {
  const parts = new Map((header ?? "").split(",").map((kv) => kv.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1");
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, "hex"));
}

export interface WebhookTarget {
  name: string;
  url: string;
  secret: string;
}

/** POSTs one signed body; any non-2xx answer, network error or timeout (5 s) throws. Errors name the endpoint, never its URL (it may hold a token). */
export async function postWebhook({
  target,
  body,
  deliveryId,
  template,
  now,
  fetch: fetchImpl = fetch,
}: {
  target: WebhookTarget;
  body: string;
  deliveryId: string;
  template: string;
  now: Date;
  fetch?: typeof fetch;
}): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "helpdesk-notifications",
        "x-helpdesk-signature": signWebhook(target.secret, body, Math.floor(now.getTime() / 1000)),
        "x-helpdesk-delivery": deliveryId,
        "idempotency-key": deliveryId,
        "x-helpdesk-template": template,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : error instanceof Error ? error.message : String(error);
    throw new Error(`webhook "${target.name}": ${reason}`, { cause: error });
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.status < 200 || response.status > 299) {
    throw new Error(`webhook "${target.name}" answered ${response.status}`);
  }
}
