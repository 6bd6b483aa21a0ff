"use server";
/** The profile's actions: the language choice (on the user and in a cookie, for the sign-in page and visitors), and signing out everywhere. */
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/server/auth/session";
import { SetLocaleSchema, setLocale } from "@/lib/server/auth/set-locale";
import { defaultContext } from "@/lib/server/tickets/context";
import { LOCALE_COOKIE } from "@/lib/i18n";
import { signOutEverywhere } from "@/lib/server/auth/sign-out-everywhere";

export async function saveLocale(form: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/signin?callbackUrl=/profile");
  const parsed = SetLocaleSchema.safeParse({ locale: form.get("locale") });
  if (!parsed.success) redirect("/profile");
  await setLocale({ actor, input: parsed.data, ctx: defaultContext() });
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 365 * 86_400 });
  revalidatePath("/", "layout");
  redirect("/profile?saved=1");
}

/** Ends every session of the signed-in person (this one too) and lands on the sign-in page. */
export async function endAllMySessions(): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/signin");
  await signOutEverywhere({ actor });
  redirect("/signin");
}
