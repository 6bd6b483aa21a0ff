"use server";
/** The "Bekreft mottatt" button: acknowledges by the link's token, then shows the page's state again. */
import { redirect } from "next/navigation";
import { db } from "@/lib/server/db/prisma";
import { AppError } from "@/lib/server/errors";
import { AckTokenSchema } from "@/lib/server/oncall/ack-token";
import { acknowledgePage } from "@/lib/server/oncall/acknowledge-page";
import { action } from "@/lib/server/http/action";
import { z } from "zod";

export const acknowledgeByLink = action({
  // No session: the link's token names the person paged.
  audience: "anyone",
  fields: ["token"],
  input: z.object({ token: AckTokenSchema }),
  invalid: "/oncall/ack/ukjent",
  run: async ({ input: { token } }) => {
    let outcome = "ukjent";
    try {
      const result = await acknowledgePage({ prisma: db(), by: { token }, now: new Date() });
      outcome = result.status === "acknowledged" ? "bekreftet" : "allerede";
    } catch (error) {
      // An unknown, replaced or expired link: the page says so when it reads the link again.
      if (!(error instanceof AppError)) throw error;
    }
    redirect(`/oncall/ack/${token}?svar=${outcome}`);
  },
});
