"use server";
/** The profile's actions: the language choice (on the user and in a cookie, for the sign-in page and visitors), and signing out everywhere. */
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { SetLocaleSchema, setLocale } from "@/lib/server/auth/set-locale";
import { defaultContext } from "@/lib/server/tickets/context";
import { LOCALE_COOKIE } from "@/lib/i18n";
import { signOutEverywhere } from "@/lib/server/auth/sign-out-everywhere";
import { action } from "@/lib/server/http/action";
import { OPTIONAL_NOTICES, setMutedNotices } from "@/lib/server/notifications";

export const saveLocale = action({
  audience: "signed-in",
  path: "/profile",
  fields: ["locale"],
  input: SetLocaleSchema,
  invalid: "/profile",
  run: async ({ actor, input }) => {
    await setLocale({ actor, input, ctx: defaultContext() });
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", sameSite: "lax", maxAge: 365 * 86_400 });
    revalidatePath("/", "layout");
    redirect("/profile?saved=1");
  },
});

/** Ends every session of the signed-in person (this one too) and lands on the sign-in page. */
export const endAllMySessions = action({
  audience: "signed-in",
  path: "/profile",
  fields: [],
  input: z.object({}),
  invalid: "/profile",
  run: async ({ actor }) => {
    await signOutEverywhere({ actor });
    redirect("/signin");
  },
});

/** The notice settings: one checkbox per optional customer notice, named `send-<template>`; an unticked one is muted. */
export const saveNotices = action({
  audience: "signed-in",
  path: "/profile",
  fields: OPTIONAL_NOTICES.map((n) => `send-${n}`),
  input: z.record(z.string(), z.string()).transform((values) => ({ muted: OPTIONAL_NOTICES.filter((n) => values[`send-${n}`] !== "on") })),
  invalid: "/profile",
  run: async ({ actor, input }) => {
    await setMutedNotices({ actor, input, ctx: defaultContext() });
    redirect("/profile?notices=1#notices");
  },
});
