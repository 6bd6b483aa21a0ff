import { describe, expect, it } from "vitest";
import { troubleshootingStartCause } from "./response-start";

const counted = { publicReplyStartsTroubleshooting: true };
const notCounted = { publicReplyStartsTroubleshooting: false };

describe("troubleshootingStartCause: what stops the response clock", () => {
  it("an agent's public message is the first public reply when the customer counts it, whatever action sent it", () => {
    expect(troubleshootingStartCause({ kind: "public_message", byStaff: true }, counted)).toBe("first_reply");
    expect(troubleshootingStartCause({ kind: "public_message", byStaff: true }, notCounted)).toBeNull();
  });

  it("a customer's message never stops the clock", () => {
    expect(troubleshootingStartCause({ kind: "public_message", byStaff: false }, counted)).toBeNull();
  });

  it("marking troubleshooting started and solving the ticket always do", () => {
    expect(troubleshootingStartCause({ kind: "start_troubleshooting" }, notCounted)).toBe("explicit");
    expect(troubleshootingStartCause({ kind: "resolve" }, notCounted)).toBe("resolved");
  });
});
