"use server";
/** The macro page's server actions: save (create or change) and delete, through lib/server/macros. */
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, formAction } from "@/lib/server/http/action";
import { defaultContext } from "@/lib/server/tickets";
import { saveMacro } from "@/lib/server/macros/save-macro";
import { deleteMacro } from "@/lib/server/macros/delete-macro";

const FIELDS = ["id", "scope", "title", "body", "status", "priority", "line"] as const;
const orNull = <T extends string>(value: string | undefined, allowed: readonly T[]): T | null => ((allowed as readonly string[]).includes(value ?? "") ? (value as T) : null);

export const saveMacroAction = formAction({
  audience: "staff",
  fields: FIELDS,
  path: () => "/arbeid/makroer",
  refusal: { kind: "reason" },
  run: async ({ actor, t, values }) => {
    const errors: Record<string, string> = {};
    if (!values.title?.trim()) errors.title = t("common.fieldRequired");
    if (!values.body?.trim()) errors.body = t("common.fieldRequired");
    if (Object.keys(errors).length) return { values, errors, message: t("common.formHasErrors") };
    await saveMacro({
      actor,
      input: {
        ...(values.id ? { id: values.id } : {}),
        scope: values.scope === "shared" ? "shared" : "personal",
        title: values.title ?? "",
        body: values.body ?? "",
        status: orNull(values.status, ["WAITING_FOR_CUSTOMER", "SOLVED"] as const),
        priority: orNull(values.priority, ["P1", "P2", "P3", "P4"] as const),
        line: orNull(values.line, ["L1", "L2", "L3"] as const),
      },
      ctx: defaultContext(),
    });
    redirect("/arbeid/makroer?done=saved");
  },
});

export const deleteMacroAction = action({
  audience: "staff",
  path: "/arbeid/makroer",
  fields: ["id"],
  input: z.object({ id: z.uuid() }),
  invalid: "not-found",
  run: async ({ actor, input }) => {
    await deleteMacro({ actor, input, ctx: defaultContext() });
    redirect("/arbeid/makroer?done=deleted");
  },
});
