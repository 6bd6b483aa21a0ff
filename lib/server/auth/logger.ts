import "server-only";
/**
 * next-auth's logger, so that a session ended on purpose (account deactivated or gone) clears the
 * cookie quietly while every other next-auth error is still logged. next-auth's own errors carry
 * no credentials.
 */
import type { LoggerInstance } from "next-auth";

/** Thrown by the session callback: next-auth then answers "no session" and clears the cookie. */
export class SessionEndedError extends Error {
  override name = "SessionEndedError";
  constructor() {
    super("Session ended: the account is deactivated or no longer exists");
  }
}

export const authLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    if (metadata instanceof SessionEndedError) return;
    console.error(`[next-auth][error][${code}]`, metadata);
  },
};
