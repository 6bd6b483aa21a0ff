import { z } from "zod";
import { TimeZoneSchema } from "./time-zone";

/** Configuration from the environment, with defaults that work on a developer machine. */
export const EnvSchema = z.object({
  DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/helpdesk"),
  /** One Redis server, or the nodes of a Redis Cluster as a comma-separated list (lib/server/redis.ts). */
  REDIS_URL: z
    .string()
    .default("redis://127.0.0.1:6379")
    .refine((value) => value.split(",").every((u) => z.url().safeParse(u.trim()).success), "a redis:// URL, or several separated by commas (a Redis Cluster)"),
  /**
   * Prefix of every Redis key (BullMQ queues included), so installations and test runs never
   * collide. On a Redis Cluster it must be a hash tag, e.g. `{helpdesk}`, so each queue stays in one slot.
   */
  REDIS_PREFIX: z
    .string()
    .regex(/^(\{[A-Za-z0-9_-]+\}|[A-Za-z0-9_-]+)$/, "letters, digits, _ and - only, optionally in braces (a hash tag, for a Redis Cluster)")
    .default("helpdesk"),
  /** Size of the PostgreSQL pool of each process (Prisma 7's pg adapter ignores connection_limit). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Signs session tokens (next-auth). Required when the web app runs; `npm run demo` and the tests make one per run. */
  NEXTAUTH_SECRET: z.string().min(16, "at least 16 characters").optional(),
  /** The customer's OpenID Connect identity provider; sign-in with it appears when all three are set. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Name on the sign-in button, e.g. "Microsoft Entra ID". */
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  /** Failed password attempts before an account is locked, and for how long. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** A session ends after this many minutes without a request: staff, and customers' users. */
  SESSION_IDLE_MINUTES_STAFF: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 60)
    .default(480),
  SESSION_IDLE_MINUTES_CUSTOMER: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 60)
    .default(1440),
  /** A session ends this many hours after sign-in, however active. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(720),
  /** Sign-in attempts per e-mail address and per client address within the window (known and unknown addresses alike); past that, 429. */
  SIGNIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  SIGNIN_MAX_PER_CLIENT: z.coerce.number().int().min(1).default(30),
  SIGNIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Portal form posts (new ticket, reply, accept, reopen) per person per minute. */
  PORTAL_POSTS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Calls per minute per customer organisation on the REST API (SLA-RULES.md §5). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(100),
  /** The app's public URL, for links in notifications (e.g. acknowledging an on-call page). */
  APP_URL: z.url().default("http://localhost:3000"),
  /**
   * Set (to 1/true) only behind a reverse proxy you run: X-Forwarded-Host/-Proto are then believed
   * for the origin check of form posts. Unset, a forwarded host is never trusted.
   */
  TRUST_PROXY: z
    .enum(["", "0", "1", "false", "true"])
    .default("")
    .transform((v) => v === "1" || v === "true"),
  /** Shows GET /api/health's details (queues, workers, migration) to a caller that sends `Authorization: Bearer <HEALTH_TOKEN>`; anonymous callers get only `{status}`. */
  HEALTH_TOKEN: z.string().min(16, "at least 16 characters").optional(),
  /** Outgoing mail: smtp://user:pass@host:port (smtps:// for TLS). */
  SMTP_URL: z.url().default("smtp://127.0.0.1:1025"),
  MAIL_FROM: z.string().min(3).default("Helpdesk <helpdesk@localhost>"),
  /** Reply-To of ticket mail when no active support mailbox (Mailbox) is configured; unset (or empty) = none. */
  MAIL_REPLY_TO: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined)),
  /** 32 bytes, base64: encrypts stored secrets such as webhook signing secrets (AES-256-GCM). */
  SECRETS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)")
    .optional(),
  /**
   * The provider's security contact(s): e-mail addresses, comma-separated, told when a ticket is
   * flagged as a security incident and when its breach-notice deadline nears or runs out (003/004
   * §8.9). Unset (or empty): the provider admins.
   */
  SECURITY_CONTACT_EMAIL: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.email())),
  /** On-call: minutes to wait for an acknowledgement before re-notifying, and notices per person before the next one. */
  ONCALL_RENOTIFY_MINUTES: z.coerce.number().min(0.1).max(120).default(5),
  ONCALL_NOTICES_PER_PERSON: z.coerce.number().int().min(1).max(10).default(2),
  /** Hours an on-call acknowledgement link works after its notice was sent. */
  ONCALL_ACK_LINK_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(24),
  /** Throttle: more notifications than this to one recipient within the window are folded into one digest. */
  NOTIFY_MAX_PER_WINDOW: z.coerce.number().int().min(1).default(5),
  NOTIFY_WINDOW_MINUTES: z.coerce.number().min(1).default(10),
  /** Attachments (issue 16): where the bytes live, the limits enforced while a file streams in, and the optional virus scanner. */
  ATTACHMENT_STORE: z.enum(["postgres", "disk"]).default("postgres"),
  /** The disk store's directory (required when ATTACHMENT_STORE=disk). */
  ATTACHMENT_DIR: z.string().min(1).optional(),
  ATTACHMENT_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  ATTACHMENT_MAX_FILES: z.coerce.number().int().min(1).max(100).default(10),
  /** clamd's socket (a path, or tcp://host:port); unset, files are not scanned. */
  CLAMD_SOCKET: z.string().min(1).optional(),
  /** E-mail intake: more messages than this from one sender address within a minute are stored but ignored (no ticket, no reply): a mail loop or a flood. */
  MAIL_MAX_PER_SENDER_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Mail intake (workers/mail-intake.ts): seconds between polls of a mailbox (also the safety-net poll under IDLE and how often the mailbox list is re-read). */
  MAIL_POLL_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  /** Mail intake: messages of one mailbox taken in at once (each waits for earlier ones from its sender and any it replies to). */
  MAIL_INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** Mail intake: set \Seen on a message once it is taken in (1/true, the default; 0/false leaves the flags alone). */
  MAIL_MARK_SEEN: z
    .enum(["0", "1", "false", "true"])
    .default("true")
    .transform((v) => v === "1" || v === "true"),
  /** The zone people read times in (pages, e-mails, reports, month boundaries): lib/config/time-zone.ts. */
  TIME_ZONE: TimeZoneSchema,
});
export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${issues}`);
  }
  return parsed.data;
}

export const databaseUrl = (): string => readEnv().DATABASE_URL;
export const redisUrl = (): string => readEnv().REDIS_URL;

/** The URL (or comma-separated URLs) without its password, for messages. */
export function redactUrl(url: string): string {
  if (url.includes(","))
    return url
      .split(",")
      .map((u) => redactUrl(u.trim()))
      .join(",");
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}
