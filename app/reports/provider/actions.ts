"use server";
/** Provider admin actions on a customer's month: close it (freeze) or recompute its draft. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets/context";
import { closeMonthlyReport, MonthSchema, recomputeMonthlyReport } from "@/lib/server/reports";

const FormSchema = z.object({ organizationId: z.string(), month: MonthSchema, intent: z.enum(["close", "recompute"]) });

export interface ReportActionState {
  message: string | null;
}

export async function reportAction(_previous: ReportActionState, form: FormData): Promise<ReportActionState> {
  const actor = await getActor();
  if (!actor) return { message: "Du er ikke logget inn." };
  const parsed = FormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { message: "Ugyldig forespørsel." };
  const { intent, ...input } = parsed.data;
  try {
    if (intent === "close") await closeMonthlyReport({ actor, input, ctx: defaultContext() });
    else await recomputeMonthlyReport({ actor, input, ctx: defaultContext() });
  } catch (error) {
    if (error instanceof AppError) return { message: error.code === "conflict" ? error.message : "Fant ikke rapporten." };
    console.error("Report action failed:", error);
    return { message: "Noe gikk galt." };
  }
  revalidatePath("/reports/provider");
  return { message: intent === "close" ? "Måneden er lukket." : "Rapporten er beregnet på nytt." };
}
