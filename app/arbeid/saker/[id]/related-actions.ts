"use server";
/**
 * The related-tickets panel's server action (issue 19): link, unlink, merge, add or remove a child,
 * expected resolution. One form action with the operation in `op`; each calls its use case and
 * hands back a confirmation, or the refusal's reason, to the panel's form.
 */
import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { instantOfWallClock } from "@/lib/config/time-zone";
import { formAction } from "@/lib/server/http/action";
import { AppError } from "@/lib/server/errors";
import type { MessageKey } from "@/lib/i18n";
import type { FormState } from "@/lib/forms/form-state";
import { addToParent, defaultContext, linkTickets, mergeTicket, removeFromParent, setExpectedResolution, unlinkTickets, visibleTicketIdByReference, LINK_KINDS } from "@/lib/server/tickets";

const OPS = ["link", "unlink", "merge", "child", "unchild", "expected"] as const;
const FormSchema = z.object({ ticketId: z.uuid(), op: z.enum(OPS) });
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const DONE: Record<(typeof OPS)[number], MessageKey> = {
  link: "related.done.linked",
  unlink: "related.done.unlinked",
  merge: "related.done.merged",
  child: "related.done.child",
  unchild: "related.done.childRemoved",
  expected: "related.done.expected",
};

export const submitRelatedAction = formAction({
  audience: "staff",
  fields: ["ticketId", "op", "reference", "kind", "linkId", "childId", "expectedAt", "note"],
  path: (values) => `/arbeid/saker/${values.ticketId}`,
  refusal: { kind: "reason" },
  run: async ({ actor, t, values }): Promise<FormState> => {
    const form = FormSchema.safeParse(values);
    if (!form.success) notFound();
    const { ticketId, op } = form.data;
    const ctx = defaultContext();
    try {
      switch (op) {
        case "link": {
          const kind = z.enum(LINK_KINDS).safeParse(values.kind);
          if (!kind.success) return { values, errors: { kind: t("common.fieldRequired") }, message: t("common.formHasErrors") };
          await linkTickets({ actor, input: { ticketId, reference: values.reference ?? "", kind: kind.data }, ctx });
          break;
        }
        case "unlink":
          await unlinkTickets({ actor, input: { ticketId, linkId: values.linkId ?? "" }, ctx });
          break;
        case "merge":
          await mergeTicket({ actor, input: { ticketId, intoReference: values.reference ?? "" }, ctx });
          break;
        case "child": {
          const childId = await visibleTicketIdByReference(ctx.prisma, actor, values.reference ?? "");
          await addToParent({ actor, input: { parentId: ticketId, childId }, ctx });
          break;
        }
        case "unchild":
          await removeFromParent({ actor, input: { childId: values.childId ?? "" }, ctx });
          break;
        case "expected": {
          const m = LOCAL.exec((values.expectedAt ?? "").trim());
          if (!m) return { values, errors: { expectedAt: t("common.fieldRequired") }, message: t("common.formHasErrors") };
          const expectedAt = instantOfWallClock(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])).toISOString();
          await setExpectedResolution({ actor, input: { ticketId, expectedAt, note: values.note || undefined }, ctx });
          break;
        }
      }
    } catch (error) {
      // A reference the agent cannot see (or that does not exist) is a refusal here, not the 404 page.
      if (error instanceof AppError && error.code === "not_found" && (op === "link" || op === "merge" || op === "child")) {
        return { values, errors: { reference: t("related.error.notFound") }, message: t("related.error.notFound") };
      }
      throw error;
    }
    revalidatePath(`/arbeid/saker/${ticketId}`);
    revalidatePath("/arbeid");
    return { values: {}, errors: {}, message: t(DONE[op]), result: "ok" };
  },
});
