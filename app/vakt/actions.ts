"use server";
/** "Bekreft mottatt" on the on-call page: acknowledges the page as the signed-in person, then shows /vakt again. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/server/db/prisma";
import { AppError } from "@/lib/server/errors";
import { acknowledgePage } from "@/lib/server/oncall";
import { action } from "@/lib/server/http/action";

export const acknowledgeFromApp = action({
  audience: "staff",
  path: "/vakt",
  fields: ["escalationId"],
  input: z.object({ escalationId: z.uuid() }),
  invalid: "/vakt?feil=not_found",
  run: async ({ actor, input }) => {
    let target: string;
    try {
      const result = await acknowledgePage({ prisma: db(), by: { actor }, escalationId: input.escalationId, now: new Date() });
      target = `/vakt?svar=${result.status}&sak=${encodeURIComponent(result.reference)}`;
    } catch (error) {
      // Shown on /vakt in the reader's language (an unknown page, or one already taken over).
      if (!(error instanceof AppError)) throw error;
      target = `/vakt?feil=${error.code}`;
    }
    revalidatePath("/vakt");
    redirect(target);
  },
});
