import "server-only";
/** The admin pages are for provider admins; anyone else signed in gets a 404, as the use cases answer. */
import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { currentActor } from "@/lib/i18n/server";

export async function requireProviderAdmin(path: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (actor.role !== "PROVIDER_ADMIN") notFound();
  return actor;
}

/** Runs a read use case; its not_found becomes the page's 404. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
