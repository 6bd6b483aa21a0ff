import "server-only";
/** Inputs of editing a user (issue 15). */
import { z } from "zod";
import { safeString } from "../validation";

export const UpdateUserSchema = z.object({
  userId: z.uuid(),
  name: safeString().trim().min(1).max(200),
  email: z
    .email()
    .max(320)
    .transform((e) => e.toLowerCase()),
  role: z.enum(["END_USER", "CUSTOMER_ADMIN", "AGENT", "ONCALL", "PROVIDER_ADMIN"]),
  supportLine: z.enum(["L1", "L2", "L3"]).nullable().default(null),
  /** For on-call SMS and phone calls: digits with an optional leading +, spaces allowed; empty = none. */
  phone: z
    .string()
    .trim()
    .transform((p) => p.replace(/[\s-]/g, ""))
    .refine((p) => p === "" || /^\+?\d{5,15}$/.test(p), "a phone number such as +47 912 34 567")
    .transform((p) => (p === "" ? null : p)),
});
export type UpdateUserInput = z.input<typeof UpdateUserSchema>;
