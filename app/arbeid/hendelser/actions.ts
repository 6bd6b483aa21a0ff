"use server";
/**
 * The incidents page's server actions: open an incident (from a P1 ticket or on its own), send an
 * update, close it, plan maintenance. Each calls one use case and comes back to the page, with
 * what was done or why it was refused (a maintenance refusal by its codes, in the reader's words).
 */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/server/errors";
import { MaintenanceNoticeRefused } from "@/lib/server/incidents";
import { runAction } from "@/lib/server/http/action";
import { closeIncident, defaultIncidentContext, openIncident, scheduleMaintenanceWindow, updateIncident } from "./use-cases";
import { lines, localInstant } from "./form-schemas";
import { z } from "zod";

const PAGE = "/arbeid/hendelser";

/** Back to the page with the refusal as codes only (the page words them in the reader's language). */
function refused(error: unknown, extra = ""): never {
  if (!(error instanceof AppError)) throw error;
  const reasons = error instanceof MaintenanceNoticeRefused ? (error.fields?.startsAt ?? []).join("|") : "";
  redirect(`${PAGE}?feil=${encodeURIComponent(reasons ? "maintenance" : error.code)}${reasons ? `&grunner=${encodeURIComponent(reasons)}` : ""}${extra}`);
}

const text = z.string();

export async function openIncidentFromForm(form: FormData): Promise<void> {
  return runAction(
    {
      audience: "staff",
      path: PAGE,
      fields: ["ticketId", "service", "cause", "message", "startedAt", "endedAt", "counts", "exclusionReason", "ticketReferences"],
      input: z.object({ ticketId: text, service: text, cause: text, message: text, startedAt: text, endedAt: text, counts: text, exclusionReason: text, ticketReferences: text }),
      invalid: PAGE,
      run: async ({ actor, input }) => {
        const counts = input.counts === "on";
        let id: string;
        try {
          const opened = await openIncident({
            actor,
            input: {
              ...(input.ticketId ? { ticketId: input.ticketId } : {}),
              organizationIds: form.getAll("organizationIds").map(String),
              ticketReferences: lines(input.ticketReferences),
              service: input.service,
              cause: input.cause,
              ...(input.message.trim() ? { message: input.message } : {}),
              startedAt: localInstant(input.startedAt) ?? "",
              ...(localInstant(input.endedAt) ? { endedAt: localInstant(input.endedAt) } : {}),
              counts,
              ...(!counts && input.exclusionReason ? { exclusionReason: input.exclusionReason as "other" } : {}),
            },
            ctx: defaultIncidentContext(),
          });
          id = opened.id;
        } catch (error) {
          refused(error, input.ticketId ? `&sak=${encodeURIComponent(input.ticketId)}` : "");
        }
        revalidatePath(PAGE);
        redirect(`${PAGE}?gjort=opened#hendelse-${id}`);
      },
    },
    form,
  );
}

export async function updateIncidentFromForm(form: FormData): Promise<void> {
  return runAction(
    {
      audience: "staff",
      path: PAGE,
      fields: ["id", "message"],
      input: z.object({ id: z.uuid(), message: text }),
      invalid: "not-found",
      run: async ({ actor, input }) => {
        try {
          await updateIncident({ actor, input, ctx: defaultIncidentContext() });
        } catch (error) {
          refused(error);
        }
        revalidatePath(PAGE);
        redirect(`${PAGE}?gjort=updated#hendelse-${input.id}`);
      },
    },
    form,
  );
}

export async function closeIncidentFromForm(form: FormData): Promise<void> {
  return runAction(
    {
      audience: "staff",
      path: PAGE,
      fields: ["id", "message", "endedAt"],
      input: z.object({ id: z.uuid(), message: text, endedAt: text }),
      invalid: "not-found",
      run: async ({ actor, input }) => {
        const endedAt = localInstant(input.endedAt);
        try {
          await closeIncident({ actor, input: { id: input.id, ...(endedAt ? { endedAt } : {}), ...(input.message.trim() ? { message: input.message } : {}) }, ctx: defaultIncidentContext() });
        } catch (error) {
          refused(error);
        }
        revalidatePath(PAGE);
        redirect(`${PAGE}?gjort=closed`);
      },
    },
    form,
  );
}

export async function scheduleMaintenanceFromForm(form: FormData): Promise<void> {
  return runAction(
    {
      audience: "provider-admin",
      path: PAGE,
      fields: ["agreementId", "startsAt", "endsAt", "description"],
      input: z.object({ agreementId: text, startsAt: text, endsAt: text, description: text }),
      invalid: PAGE,
      run: async ({ actor, input }) => {
        let flagged = false;
        try {
          const planned = await scheduleMaintenanceWindow({
            actor,
            input: { agreementId: input.agreementId, startsAt: localInstant(input.startsAt) ?? "", endsAt: localInstant(input.endsAt) ?? "", description: input.description },
            ctx: defaultIncidentContext(),
          });
          flagged = planned.noticeFlags.length > 0;
        } catch (error) {
          refused(error);
        }
        revalidatePath(PAGE);
        redirect(`${PAGE}?gjort=${flagged ? "scheduledFlagged" : "scheduled"}`);
      },
    },
    form,
  );
}
