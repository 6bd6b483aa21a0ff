/**
 * /arbeid/makroer: macros (canned responses, issue 19). Every agent keeps their own; provider
 * admins also keep the shared ones. Used from the ticket page's composer.
 */
import type { Metadata } from "next";
import { withSession } from "@/lib/server/http/session";
import { defaultContext } from "@/lib/server/tickets";
import { listMacros } from "@/lib/server/macros/list-macros";
import { isMacroAdmin } from "@/lib/server/macros/access";
import type { MacroView } from "@/lib/server/macros/schemas";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { ButtonLink } from "@/components/button-link";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { MacroForm, type MacroFormText } from "@/components/macro-form";
import { deleteMacroAction, saveMacroAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Makroer" };

export default async function MacrosPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const { actor, t } = await withSession("staff", "/arbeid/makroer");
  const [macros, { done }] = await Promise.all([listMacros({ actor, ctx: defaultContext() }), searchParams]);
  const admin = isMacroAdmin(actor);
  const none = { value: "", label: t("workspace.macros.none.option") };
  const options = {
    scopes: admin
      ? [
          { value: "personal", label: t("workspace.macros.personal") },
          { value: "shared", label: t("workspace.macros.shared") },
        ]
      : [{ value: "personal", label: t("workspace.macros.personal") }],
    statuses: [none, { value: "WAITING_FOR_CUSTOMER", label: t("workspace.status.WAITING_FOR_CUSTOMER") }, { value: "SOLVED", label: t("common.status.SOLVED") }],
    priorities: [none, ...(["P1", "P2", "P3", "P4"] as const).map((p) => ({ value: p, label: `${p} ${t(`common.priority.${p}`)}` }))],
    lines: [none, ...(["L1", "L2", "L3"] as const).map((l) => ({ value: l, label: t(`agent.queue.line.${l}`) }))],
  };
  const text: MacroFormText = {
    title: t("workspace.macros.field.title"),
    body: t("workspace.macros.field.body"),
    scope: t("workspace.macros.field.scope"),
    status: t("workspace.macros.field.status"),
    priority: t("workspace.macros.field.priority"),
    line: t("workspace.macros.field.line"),
    save: t("workspace.macros.save"),
    pending: t("agent.actions.pending"),
  };
  const list = (items: MacroView[], heading: string, testId: string) => (
    <section aria-label={heading} data-testid={testId} className="flex flex-col gap-3">
      <h2 className="text-xl font-semibold">{heading}</h2>
      {items.length === 0 && <p className="text-slate-700">{t("workspace.macros.none")}</p>}
      {items.map((m) => (
        <article key={m.id} aria-label={m.title} className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4">
          <h3 className="font-semibold">{m.title}</h3>
          <p className="whitespace-pre-wrap text-sm text-slate-800">{m.body}</p>
          {m.editable && (
            <div className="flex flex-col gap-2">
              <details>
                <summary className="cursor-pointer text-sm font-medium">{t("workspace.macros.edit")}</summary>
                <div className="mt-2">
                  <MacroForm
                    formAction={saveMacroAction}
                    idPrefix={`macro-${m.id}`}
                    initial={{ id: m.id, scope: m.scope, title: m.title, body: m.body, status: m.status ?? "", priority: m.priority ?? "", line: m.line ?? "" }}
                    text={text}
                    {...options}
                    scopes={options.scopes.filter((s) => s.value === m.scope)}
                  />
                </div>
              </details>
              <div>
                <ConfirmDialog
                  action={deleteMacroAction}
                  hidden={{ id: m.id }}
                  label={t("workspace.macros.delete")}
                  ariaLabel={`${t("workspace.macros.delete")} ${m.title}`}
                  title={t("workspace.macros.delete")}
                  body={t("workspace.macros.deleteConfirm", { title: m.title })}
                  confirm={t("workspace.macros.delete")}
                  cancel={t("workspace.confirm.cancel")}
                />
              </div>
            </div>
          )}
        </article>
      ))}
    </section>
  );
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-8 sm:px-6">
      <PageHeader title={t("workspace.macros.title")} lead={t("workspace.macros.intro")} actions={<ButtonLink href="/arbeid">{t("agent.ticket.backToQueue")}</ButtonLink>} />
      {done === "saved" && <StatusMessage message={t("workspace.macros.saved")} />}
      {done === "deleted" && <StatusMessage message={t("workspace.macros.deleted")} />}
      <section aria-labelledby="new-macro" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="new-macro" className="text-xl font-semibold">
          {t("workspace.macros.new")}
        </h2>
        <MacroForm formAction={saveMacroAction} idPrefix="macro-new" initial={{ scope: "personal", title: "", body: "", status: "", priority: "", line: "" }} text={text} {...options} />
      </section>
      {list(
        macros.filter((m) => m.scope === "personal"),
        t("workspace.macros.personal"),
        "personal-macros",
      )}
      {list(
        macros.filter((m) => m.scope === "shared"),
        t("workspace.macros.shared"),
        "shared-macros",
      )}
    </main>
  );
}
