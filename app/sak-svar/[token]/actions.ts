"use server";
/**
 * The one button of a solved ticket's answer page: accepts or reopens the ticket by the link's
 * token, as its requester (lib/server/notifications/answer-solution-link.ts), then shows the page
 * again with the outcome. A link that is no longer open (answered, closed, expired) or a ticket
 * that changed meanwhile shows the page's "no longer works" state.
 */
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { action } from "@/lib/server/http/action";
import { requestContext } from "@/lib/server/http/request-context";
import { answerSolutionLink } from "@/lib/server/notifications/answer-solution-link";

const pagePath = (token: string, lang: string, query: Record<string, string> = {}) => {
  const search = new URLSearchParams({ ...(lang === "nb" || lang === "en" ? { lang } : {}), ...query });
  const qs = search.toString();
  return `/sak-svar/${encodeURIComponent(token)}${qs ? `?${qs}` : ""}`;
};

export const answerSolution = action({
  // No session: the link's token names the ticket and its requester.
  audience: "anyone",
  fields: ["token", "answer", "reason", "lang"],
  input: z.object({ token: z.string().min(1).max(200), answer: z.enum(["accept", "reopen"]), reason: z.string().max(2000), lang: z.string().max(5) }),
  invalid: "not-found",
  run: async ({ input: { token, answer, reason, lang } }) => {
    if (answer === "reopen" && !reason.trim()) redirect(pagePath(token, lang, { svar: "gjenapne", mangler: "1" }));
    try {
      await answerSolutionLink({ input: answer === "accept" ? { token, answer } : { token, answer, reason }, ctx: await requestContext() });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      redirect(pagePath(token, lang));
    }
    redirect(pagePath(token, lang, { ferdig: answer === "accept" ? "godtatt" : "gjenapnet" }));
  },
});
