import "server-only";
/**
 * A person's secret calendar link (issue 18): /api/calendar/<token>.ics. What a token looks like,
 * its SHA-256 (the only form of it that is stored), and the link's URL.
 */
import { createHash } from "node:crypto";

export const TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export const calendarFeedUrl = (appUrl: string, token: string) => `${appUrl.replace(/\/$/, "")}/api/calendar/${token}.ics`;
