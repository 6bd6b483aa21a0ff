"use server";
/** Provider admin actions on a customer's month: close it (freeze) or recompute its draft. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets/context";
import { closeMonthlyReport, MonthSchema, recomputeMonthlyReport } from "@/lib/server/reports";
import { formAction } from "@/lib/server/http/action";

const FormSchema = z.object({ organizationId: z.string(), month: MonthSchema, intent: z.enum(["close", "recompute"]) });

export const reportAction = formAction({
  audience: "provider-admin",
  fields: ["organizationId", "month", "intent"],
  path: () => "/reports/provider",
  refusal: { kind: "plain" },
  run: async ({ actor, values }) => {
    const message = (text: string) => ({ values: {}, errors: {}, message: text });
    const parsed = FormSchema.safeParse(values);
    if (!parsed.success) return message("Ugyldig forespørsel.");
    const { intent, ...input } = parsed.data;
    try {
      if (intent === "close") await closeMonthlyReport({ actor, input, ctx: defaultContext() });
      else await recomputeMonthlyReport({ actor, input, ctx: defaultContext() });
    } catch (error) {
      if (error instanceof AppError) return message(error.code === "conflict" ? error.message : "Fant ikke rapporten.");
      console.error("Report action failed:", error);
      return message("Noe gikk galt.");
    }
    revalidatePath("/reports/provider");
    return message(intent === "close" ? "Måneden er lukket." : "Rapporten er beregnet på nytt.");
  },
});
