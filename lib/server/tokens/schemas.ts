import "server-only";
/** Inputs of the token use cases (from the CLI today), validated with zod. */
import { z } from "zod";
import { safeString } from "../validation";

export const CreateApiTokenSchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  name: safeString().trim().min(1).max(100).default("cli"),
  expiresAt: z.date().optional(),
  scope: z.enum(["READ", "READ_WRITE"]).default("READ_WRITE"),
});
export type CreateApiTokenInput = z.input<typeof CreateApiTokenSchema>;

export const RevokeApiTokenSchema = z.object({
  displayPrefix: z.string().regex(/^hd_[A-Za-z0-9_-]{7}$/, "the first 10 characters of a token, e.g. hd_AbC1234"),
});
export type RevokeApiTokenInput = z.input<typeof RevokeApiTokenSchema>;
