/** /admin/workers: worker heartbeats, queue depths, notifications by status and the dead letters (provider admins). */
import type { Metadata } from "next";
import { withSession } from "@/lib/server/http/session";
import { db } from "@/lib/server/db/prisma";
import { redis, redisPrefix } from "@/lib/server/redis";
import { checkHealth } from "@/lib/server/health";
import { readRouter } from "@/lib/server/db/replica";
import { queueHandles } from "@/lib/server/jobs/queue-handles";
import { listNotifications } from "@/lib/server/notifications";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { DataTable } from "@/components/data-table";
import { retryDeadNotification } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "admin.workers.title") };
}

const WORKER_NAMES = { slaTimers: "admin.workers.slaTimers", system: "admin.workers.system", mailIntake: "admin.workers.mailIntake" } as const;

function Badge({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return <span className={`rounded px-2 py-0.5 text-sm font-medium ${ok ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900"}`}>{children}</span>;
}

export default async function WorkersPage() {
  const { t } = await withSession("provider-admin", "/admin/workers");
  const [health, dead] = await Promise.all([
    checkHealth({ prisma: db(), redis: redis(), prefix: redisPrefix(), queues: queueHandles(), replica: () => readRouter().status() }),
    listNotifications({ prisma: db(), status: "DEAD", limit: 50 }),
  ]);
  const now = new Date();
  const time = (iso: string | null) => (iso ? formatDateTime(new Date(iso), now, t.locale) : t("admin.workers.never"));

  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-8 px-6 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{t("admin.workers.title")}</h1>

      <section aria-labelledby="workers" className="flex flex-col gap-3">
        <h2 id="workers" className="text-xl font-semibold">
          {t("admin.workers.processes")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {(Object.keys(WORKER_NAMES) as Array<keyof typeof WORKER_NAMES>).map((key) => (
            <li key={key} className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4">
              <span>
                <span className="block font-medium">{t(WORKER_NAMES[key])}</span>
                <span className="text-sm text-slate-600">{t("admin.workers.lastHeartbeat", { when: time(health.workers[key].lastHeartbeatAt) })}</span>
              </span>
              <Badge ok={health.workers[key].ok}>{t(health.workers[key].ok ? "admin.workers.running" : "admin.workers.stopped")}</Badge>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-600">
          {t("admin.workers.database")}{" "}
          <Badge ok={health.database.ok}>{health.database.ok ? t("admin.workers.databaseOk", { migration: health.database.migration ?? "" }) : t("admin.workers.unavailable")}</Badge> Redis:{" "}
          <Badge ok={health.redis.ok}>{t(health.redis.ok ? "admin.workers.ok" : "admin.workers.unavailable")}</Badge>
        </p>
      </section>

      <section aria-labelledby="queues" className="flex flex-col gap-3">
        <h2 id="queues" className="text-xl font-semibold">
          {t("admin.workers.queues")}
        </h2>
        <DataTable
          look="compact"
          rows={Object.entries(health.queues ?? {})}
          rowKey={([name]) => name}
          columns={[
            { label: t("admin.workers.queue"), cell: ([name]) => name },
            { label: t("admin.workers.waiting"), numeric: true, className: "tabular-nums", cell: ([, depth]) => depth.waiting },
            { label: t("admin.workers.active"), numeric: true, className: "tabular-nums", cell: ([, depth]) => depth.active },
            { label: t("admin.workers.delayed"), numeric: true, className: "tabular-nums", cell: ([, depth]) => depth.delayed },
            { label: t("admin.workers.failed"), numeric: true, className: "tabular-nums", cell: ([, depth]) => depth.failed },
          ]}
        />
      </section>

      <section aria-labelledby="dead" className="flex flex-col gap-3">
        <h2 id="dead" className="text-xl font-semibold">
          {t("admin.workers.dead", { count: health.notifications?.DEAD ?? 0 })}
        </h2>
        {dead.items.length === 0 ? (
          <p className="text-slate-600">{t("admin.workers.noDead")}</p>
        ) : (
          <DataTable
            look="compact"
            rows={dead.items}
            rowKey={(n) => n.id}
            alignTop
            columns={[
              {
                label: t("admin.workers.notification"),
                className: "font-normal",
                cell: (n) => (
                  <>
                    {n.template} ({n.channel.toLowerCase()}){n.ticket ? `, ${n.ticket.reference}` : ""}
                    <span className="block text-slate-600">{t("admin.workers.attempts", { attempts: n.attempts, when: time(n.createdAt) })}</span>
                  </>
                ),
              },
              { label: t("admin.workers.recipient"), cell: (n) => n.to ?? "webhook" },
              { label: t("admin.workers.lastError"), className: "text-slate-700", cell: (n) => n.lastError },
              {
                label: t("admin.workers.action"),
                hiddenLabel: true,
                cell: (n) => (
                  <form action={retryDeadNotification}>
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-white hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500">
                      {t("admin.workers.retry")}
                    </button>
                  </form>
                ),
              },
            ]}
          />
        )}
      </section>
    </main>
  );
}
