"use server";
/** The customer (or a provider admin for them) claims a month's credit under a claim rule (003 §4.3). */
import { revalidatePath } from "next/cache";
import { claimCredit } from "@/lib/server/reports";
import { requestContext } from "@/lib/server/http/request-context";
import { formAction } from "@/lib/server/http/action";
import { AppError } from "@/lib/server/errors";

export const claimCreditAction = formAction({
  audience: "signed-in",
  fields: ["organizationId", "month"],
  path: () => "/reports",
  refusal: { kind: "plain" },
  run: async ({ actor, t, values }) => {
    try {
      await claimCredit({ actor, input: { organizationId: values.organizationId ?? "", month: values.month ?? "" }, ctx: await requestContext() });
    } catch (error) {
      if (error instanceof AppError && (error.code === "conflict" || error.code === "unprocessable")) {
        return { values: {}, errors: {}, message: t(error.code === "conflict" ? "agreements.claim.refusedClaimed" : "agreements.claim.refusedClosed") };
      }
      throw error;
    }
    revalidatePath("/reports");
    return { values: {}, errors: {}, message: null, result: t("agreements.claim.done") };
  },
});
