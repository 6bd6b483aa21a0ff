import "server-only";
/** Inputs of the people use cases (issue 15): invitations, password links, customer admins' users. */
import { z } from "zod";
import { safeString } from "../validation";

const email = z
  .email()
  .max(320)
  .transform((e) => e.toLowerCase());

export const InviteUserSchema = z.object({
  /** The organisation to invite into: required for a provider admin; a customer admin's is their own. */
  organizationId: z.uuid().optional(),
  name: safeString().trim().min(1).max(200),
  email: z.string().trim().pipe(email),
  role: z.enum(["END_USER", "CUSTOMER_ADMIN", "AGENT", "ONCALL", "PROVIDER_ADMIN"]),
  supportLine: z.enum(["L1", "L2", "L3"]).nullable().default(null),
});
export type InviteUserInput = z.input<typeof InviteUserSchema>;

export const RequestPasswordResetSchema = z.object({ email: z.string().trim().pipe(email) });
export type RequestPasswordResetInput = z.input<typeof RequestPasswordResetSchema>;

/** A token as the links carry it (base64url of 32 bytes); anything else names no link. */
export const AccountLinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const SetPasswordSchema = z.object({ token: z.string(), password: z.string().max(4096) });
export type SetPasswordInput = z.input<typeof SetPasswordSchema>;
