"use server";
/** Saved views of the queue (issue 19): save the current search and filters under a name, delete one after confirming. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/server/http/action";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets";
import { SupportLineSchema } from "@/lib/server/tickets/schemas";
import { queueQueryString } from "@/lib/server/tickets/queue-query";
import { createSavedView } from "@/lib/server/tickets/saved-views/create-saved-view";
import { deleteSavedView } from "@/lib/server/tickets/saved-views/delete-saved-view";

const back = (query: string, extra: Record<string, string>) => {
  const params = new URLSearchParams(queueQueryString(Object.fromEntries(new URLSearchParams(query))));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return `/arbeid?${params.toString()}`;
};

export const submitSaveView = action({
  audience: "staff",
  path: "/arbeid",
  fields: ["name", "query", "share"],
  input: z.object({ name: z.string().max(1000), query: z.string().max(1000), share: z.union([z.literal(""), SupportLineSchema]) }),
  invalid: "/arbeid?visning=feil",
  run: async ({ actor, input }) => {
    let id: string;
    try {
      ({ id } = await createSavedView({ actor, input: { name: input.name, query: input.query, line: input.share || undefined }, ctx: defaultContext() }));
    } catch (error) {
      if (error instanceof AppError && (error.code === "bad_request" || error.code === "unprocessable")) redirect(back(input.query, { visning: "feil" }));
      throw error;
    }
    revalidatePath("/arbeid");
    redirect(back(input.query, { lagret: id }));
  },
});

export const submitDeleteView = action({
  audience: "staff",
  path: "/arbeid",
  fields: ["id", "query"],
  input: z.object({ id: z.uuid(), query: z.string().max(1000) }),
  invalid: "not-found",
  run: async ({ actor, input }) => {
    await deleteSavedView({ actor, input: { id: input.id }, ctx: defaultContext() });
    revalidatePath("/arbeid");
    redirect(back(input.query, { visning: "slettet" }));
  },
});
