"use server";
/** "Bekreft mottatt" on the on-call page: acknowledges the page as the signed-in person, then shows /vakt again. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/server/db/prisma";
import { AppError } from "@/lib/server/errors";
import { acknowledgePage } from "@/lib/server/oncall";
import { requireStaff } from "@/app/arbeid/access";

const AcknowledgeFormSchema = z.object({ escalationId: z.uuid() });

export async function acknowledgeFromApp(form: FormData): Promise<void> {
  const actor = await requireStaff("/vakt");
  const parsed = AcknowledgeFormSchema.safeParse({ escalationId: form.get("escalationId") });
  if (!parsed.success) redirect("/vakt?feil=not_found");
  let target: string;
  try {
    const result = await acknowledgePage({ prisma: db(), by: { actor }, escalationId: parsed.data.escalationId, now: new Date() });
    target = `/vakt?svar=${result.status}&sak=${encodeURIComponent(result.reference)}`;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    target = `/vakt?feil=${error.code}`;
  }
  revalidatePath("/vakt");
  redirect(target);
}
