"use server";
/** Retry a dead notification (provider admins only). */
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getActor } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/prisma";
import { retryNotification } from "@/lib/server/notifications";

export async function retryDeadNotification(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (actor?.role !== "PROVIDER_ADMIN") notFound();
  const id = z.uuid().safeParse(formData.get("id"));
  if (!id.success) notFound();
  await retryNotification({ prisma: db(), id: id.data, now: new Date() });
  redirect("/admin/workers?retried=1");
}
