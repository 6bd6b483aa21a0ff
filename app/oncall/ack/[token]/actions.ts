"use server";
/** The "Bekreft mottatt" button: acknowledges by the link's token, then shows the page's state again. */
import { redirect } from "next/navigation";
import { db } from "../../../../lib/server/db/prisma";
import { AppError } from "../../../../lib/server/errors";
import { AckTokenSchema } from "../../../../lib/server/oncall/ack-token";
import { acknowledgePage } from "../../../../lib/server/oncall/acknowledge-page";

export async function acknowledgeByLink(formData: FormData): Promise<void> {
  const token = AckTokenSchema.safeParse(formData.get("token"));
  if (!token.success) redirect("/oncall/ack/ukjent");
  let outcome = "ukjent";
  try {
    const result = await acknowledgePage({ prisma: db(), by: { token: token.data }, now: new Date() });
    outcome = result.status === "acknowledged" ? "bekreftet" : "allerede";
  } catch (error) {
    // An unknown, replaced or expired link: the page says so when it reads the link again.
    if (!(error instanceof AppError)) throw error;
  }
  redirect(`/oncall/ack/${token.data}?svar=${outcome}`);
}
