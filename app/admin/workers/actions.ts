"use server";
/** Retry a dead notification (provider admins only). */
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/server/db/prisma";
import { retryNotification } from "@/lib/server/notifications";
import { action } from "@/lib/server/http/action";

export const retryDeadNotification = action({
  audience: "provider-admin",
  path: "/admin/workers",
  fields: ["id"],
  input: z.object({ id: z.uuid() }),
  invalid: "not-found",
  run: async ({ input }) => {
    await retryNotification({ prisma: db(), id: input.id, now: new Date() });
    redirect("/admin/workers?retried=1");
  },
});
