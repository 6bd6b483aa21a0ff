"use server";
/** "Ukjent avsender": an agent assigns a waiting e-mail to a customer (the ticket is registered) or rejects it after confirming. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assignUnknownSenderMail, rejectUnknownSenderMail } from "@/lib/server/mail-intake";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets/context";
import { action } from "@/lib/server/http/action";

const PAGE = "/arbeid/ukjent-avsender";

/** A refusal the agent can act on, named in the page's address (its words are the page's); anything else is unexpected. */
function refusalOf(error: unknown): string {
  if (error instanceof AppError && error.code === "conflict") return "gone";
  if (error instanceof AppError && error.code === "unprocessable") {
    const field = error.fields?.organizationId?.[0];
    if (field === "other_organization") return "otherOrganization";
    if (field === "sender_deactivated") return "senderDeactivated";
    if (field === "unknown") return "organization";
    // Any other refusal of the registration (the mail intake failed on, failing again; no sender): the mail still waits.
    return "notRegistered";
  }
  throw error;
}

export const submitAssignUnknownSender = action({
  audience: "staff",
  path: PAGE,
  fields: ["inboundMailId", "organizationId"],
  input: z.object({ inboundMailId: z.uuid(), organizationId: z.uuid() }),
  invalid: `${PAGE}?error=organization`,
  run: async ({ actor, input }) => {
    let target: string;
    try {
      const { ticketId } = await assignUnknownSenderMail({ actor, input, ctx: defaultContext() });
      target = `${PAGE}?done=assigned&ticket=${ticketId}`;
    } catch (error) {
      target = `${PAGE}?error=${refusalOf(error)}`;
    }
    revalidatePath(PAGE);
    redirect(target);
  },
});

export const submitRejectUnknownSender = action({
  audience: "staff",
  path: PAGE,
  fields: ["inboundMailId"],
  input: z.object({ inboundMailId: z.uuid() }),
  invalid: "not-found",
  run: async ({ actor, input }) => {
    let target = `${PAGE}?done=rejected`;
    try {
      await rejectUnknownSenderMail({ actor, input, ctx: defaultContext() });
    } catch (error) {
      target = `${PAGE}?error=${refusalOf(error)}`;
    }
    revalidatePath(PAGE);
    redirect(target);
  },
});
