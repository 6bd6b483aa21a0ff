/** /admin/workers: worker heartbeats, queue depths, notifications by status and the dead letters (provider admins). */
import type { Metadata } from "next";
import { withSession } from "@/lib/server/http/session";
import { db } from "@/lib/server/db/prisma";
import { redis, redisPrefix } from "@/lib/server/redis";
import { checkHealth } from "@/lib/server/health";
import { queueHandles } from "@/lib/server/jobs/queue-handles";
import { listNotifications } from "@/lib/server/notifications";
import { retryDeadNotification } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arbeidsprosesser og varsler" };

const WORKER_NAMES = { slaTimers: "SLA-klokker (egen prosess)", system: "Bakgrunn: varsler, automatisk lukking" } as const;
const time = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", dateStyle: "short", timeStyle: "medium" }).format(new Date(iso)) : "aldri";

function Badge({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return <span className={`rounded px-2 py-0.5 text-sm font-medium ${ok ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900"}`}>{children}</span>;
}

export default async function WorkersPage() {
  await withSession("provider-admin", "/admin/workers");
  const [health, dead] = await Promise.all([
    checkHealth({ prisma: db(), redis: redis(), prefix: redisPrefix(), queues: queueHandles() }),
    listNotifications({ prisma: db(), status: "DEAD", limit: 50 }),
  ]);

  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-8 px-6 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Arbeidsprosesser og varsler</h1>

      <section aria-labelledby="workers" className="flex flex-col gap-3">
        <h2 id="workers" className="text-xl font-semibold">Prosesser</h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {(Object.keys(WORKER_NAMES) as Array<keyof typeof WORKER_NAMES>).map((key) => (
            <li key={key} className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4">
              <span>
                <span className="block font-medium">{WORKER_NAMES[key]}</span>
                <span className="text-sm text-slate-600">Siste livstegn: {time(health.workers[key].lastHeartbeatAt)}</span>
              </span>
              <Badge ok={health.workers[key].ok}>{health.workers[key].ok ? "kjører" : "stoppet"}</Badge>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-600">
          Database: <Badge ok={health.database.ok}>{health.database.ok ? `ok, ${health.database.migration}` : "utilgjengelig"}</Badge> Redis:{" "}
          <Badge ok={health.redis.ok}>{health.redis.ok ? "ok" : "utilgjengelig"}</Badge>
        </p>
      </section>

      <section aria-labelledby="queues" className="flex flex-col gap-3">
        <h2 id="queues" className="text-xl font-semibold">Køer</h2>
        <table className="w-full border-collapse text-left text-sm">
          <thead className="border-b border-slate-300 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4">Kø</th>
              <th scope="col" className="py-2 pr-4 text-right">Venter</th>
              <th scope="col" className="py-2 pr-4 text-right">Aktive</th>
              <th scope="col" className="py-2 pr-4 text-right">Planlagt</th>
              <th scope="col" className="py-2 text-right">Feilet</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(health.queues ?? {}).map(([name, depth]) => (
              <tr key={name} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-4 font-medium">{name}</th>
                <td className="py-2 pr-4 text-right tabular-nums">{depth.waiting}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{depth.active}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{depth.delayed}</td>
                <td className="py-2 text-right tabular-nums">{depth.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="dead" className="flex flex-col gap-3">
        <h2 id="dead" className="text-xl font-semibold">Varsler som ikke kom fram ({health.notifications?.DEAD ?? 0})</h2>
        {dead.items.length === 0 ? (
          <p className="text-slate-600">Ingen. Alle varsler er levert eller i kø.</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
            <thead className="border-b border-slate-300 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4">Varsel</th>
                <th scope="col" className="py-2 pr-4">Mottaker</th>
                <th scope="col" className="py-2 pr-4">Siste feil</th>
                <th scope="col" className="py-2"><span className="sr-only">Handling</span></th>
              </tr>
            </thead>
            <tbody>
              {dead.items.map((n) => (
                <tr key={n.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-4">
                    {n.template} ({n.channel.toLowerCase()}){n.ticket ? `, ${n.ticket.reference}` : ""}
                    <span className="block text-slate-600">{n.attempts} forsøk, opprettet {time(n.createdAt)}</span>
                  </td>
                  <td className="py-2 pr-4">{n.to ?? "webhook"}</td>
                  <td className="py-2 pr-4 text-slate-700">{n.lastError}</td>
                  <td className="py-2">
                    <form action={retryDeadNotification}>
                      <input type="hidden" name="id" value={n.id} />
                      <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-white hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500">
                        Prøv igjen
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
