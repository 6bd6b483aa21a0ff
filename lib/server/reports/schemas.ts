import "server-only";
/** Inputs of the report use cases, validated at their edge. */
import { z } from "zod";
import { MonthSchema } from "./month";

export const OrganizationMonthSchema = z.object({ organizationId: z.string(), month: MonthSchema });
export type OrganizationMonthInput = z.infer<typeof OrganizationMonthSchema>;

export const MonthInputSchema = z.object({ month: MonthSchema });
export type MonthInput = z.infer<typeof MonthInputSchema>;
