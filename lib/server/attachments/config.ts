import "server-only";
/** The attachments' configuration from the environment: which store, its directory, the limits, the scanner. */
import { readEnv, type Env } from "../../config/env";

export interface AttachmentLimits {
  /** Bytes a file may have; the upload is aborted at the first byte past it. */
  maxBytes: number;
  maxFiles: number;
}

export interface AttachmentConfig {
  store: "postgres" | "disk";
  dir: string | undefined;
  limits: AttachmentLimits;
  clamdSocket: string | undefined;
}

export function attachmentConfig(env: Env = readEnv()): AttachmentConfig {
  return {
    store: env.ATTACHMENT_STORE,
    dir: env.ATTACHMENT_DIR,
    limits: { maxBytes: Math.floor(env.ATTACHMENT_MAX_MB * 1024 * 1024), maxFiles: env.ATTACHMENT_MAX_FILES },
    clamdSocket: env.CLAMD_SOCKET,
  };
}

export const maxMb = (limits: AttachmentLimits): number => Math.round((limits.maxBytes / (1024 * 1024)) * 10) / 10;
