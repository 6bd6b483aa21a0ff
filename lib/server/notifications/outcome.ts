import "server-only";
/** Recording how a claimed delivery ended: only while the claim is still ours (status SENDING and the same attempt). */
import type { PrismaClient, Prisma } from "../../generated/prisma/client";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff";
import type { ClaimedNotification } from "./claim";
import { PermanentDeliveryError } from "./errors";

export type Outcome = "SENT" | "FAILED" | "DEAD";

const MAX_ERROR_LENGTH = 1000;

/** SMTP 5xx (mailbox unknown, message refused) will not change by retrying; 4xx (e.g. 451) will. */
export function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentDeliveryError) return true;
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

const ours = (claim: ClaimedNotification) => ({ id: claim.id, status: "SENDING" as const, attempts: claim.attempts });

export async function markSent(prisma: PrismaClient, claim: ClaimedNotification, now: Date, payload?: Prisma.InputJsonValue): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: ours(claim), data: { status: "SENT", sentAt: now, lastError: null, ...(payload ? { payload } : {}) } });
    // What was folded into a digest went out with it.
    if (count === 1) await tx.notification.updateMany({ where: { digestId: claim.id, status: "DIGESTED", sentAt: null }, data: { sentAt: now } });
    return count === 1;
  });
}

export async function markFailed(prisma: PrismaClient, claim: ClaimedNotification, now: Date, error: unknown, random?: () => number): Promise<{ outcome: Outcome; recorded: boolean }> {
  const lastError = errorMessage(error);
  const dead = isPermanent(error) || claim.attempts >= MAX_ATTEMPTS;
  const data = dead
    ? { status: "DEAD" as const, lastError: isPermanent(error) ? lastError : `gave up after ${claim.attempts} attempts: ${lastError}` }
    : { status: "FAILED" as const, lastError, nextAttemptAt: new Date(now.getTime() + retryDelayMs(claim.attempts, random)) };
  const { count } = await prisma.notification.updateMany({ where: ours(claim), data });
  return { outcome: dead ? "DEAD" : "FAILED", recorded: count === 1 };
}
