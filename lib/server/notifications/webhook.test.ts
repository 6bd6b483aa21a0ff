import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./webhook";

describe("webhook signatures", () => {
  const body = '{"event":"sla-breach"}';
  const t = 1_790_000_000;
  const now = new Date(t * 1000);

  it("is HMAC-SHA256 over `${t}.${body}` in the documented header format", () => {
    const expected = createHmac("sha256", "s3cret").update(`${t}.${body}`).digest("hex");
    expect(signWebhook("s3cret", body, t)).toBe(`t=${t},v1=${expected}`);
  });

  it("verifies with the right secret, body and a fresh timestamp only", () => {
    const header = signWebhook("s3cret", body, t);
    expect(verifyWebhookSignature({ secret: "s3cret", body, header, now })).toBe(true);
    expect(verifyWebhookSignature({ secret: "other", body, header, now })).toBe(false);
    expect(verifyWebhookSignature({ secret: "s3cret", body: `${body} `, header, now })).toBe(false);
    expect(verifyWebhookSignature({ secret: "s3cret", body, header, now: new Date((t + 301) * 1000) })).toBe(false);
    expect(verifyWebhookSignature({ secret: "s3cret", body, header: "t=abc,v1=00", now })).toBe(false);
    expect(verifyWebhookSignature({ secret: "s3cret", body, header: undefined, now })).toBe(false);
  });
});
