import "server-only";
/** Inputs of the report use cases, validated at their edge. */
import { z } from "zod";
import { MonthSchema } from "./month";
import { safeString } from "../validation";

export const OrganizationMonthSchema = z.object({ organizationId: z.string(), month: MonthSchema });
export type OrganizationMonthInput = z.infer<typeof OrganizationMonthSchema>;

export const MonthInputSchema = z.object({ month: MonthSchema });
export type MonthInput = z.infer<typeof MonthInputSchema>;

export const ClaimCreditSchema = z.object({ organizationId: z.string(), month: MonthSchema, note: safeString().trim().max(500).optional() });
export type ClaimCreditInput = z.input<typeof ClaimCreditSchema>;
