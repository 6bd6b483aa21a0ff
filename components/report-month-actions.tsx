"use client";
/** Close or recompute one customer's month (provider page). */
import { useActionState } from "react";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";

type ReportAction = (state: FormState, form: FormData) => Promise<FormState>;

export function ReportMonthActions({ organizationId, month, closed, reportAction }: { organizationId: string; month: string; closed: boolean; reportAction: ReportAction }) {
  const [state, action, pending] = useActionState<FormState, FormData>(reportAction, EMPTY_FORM);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="month" value={month} />
      {!closed && (
        <>
          <button name="intent" value="recompute" disabled={pending} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
            Beregn på nytt
          </button>
          <button name="intent" value="close" disabled={pending} className="rounded bg-slate-900 px-2 py-1 text-white hover:bg-slate-700">
            Lukk måned
          </button>
        </>
      )}
      {state.message && (
        <span role="status" className="text-slate-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
