/**
 * The acknowledgement link of an on-call notice. GET only shows the page (mail scanners follow
 * links); the button posts a server action that acknowledges.
 */
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { zoneFormat } from "../../../../lib/config/time-zone";
import { db } from "../../../../lib/server/db/prisma";
import { readAckLink } from "../../../../lib/server/oncall/read-ack-link";
import { acknowledgeByLink } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Bekreft vaktvarsel – Helpdesk", robots: { index: false, follow: false } };

const osloTime = (d: Date) => zoneFormat("nb-NO", { dateStyle: "long", timeStyle: "short" }).format(d);

function Shell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto flex max-w-lg flex-col gap-4 px-6 py-16">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      {children}
    </main>
  );
}

export default async function AcknowledgePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ svar?: string }> }) {
  const { token } = await params;
  const { svar } = await searchParams;
  const link = await readAckLink({ prisma: db(), token, now: new Date() });

  if (!link) {
    return (
      <Shell title="Lenken er ikke gyldig">
        <p role="alert" className="text-slate-700">
          Denne bekreftelseslenken er ukjent, eller den er erstattet av et nyere varsel. Bruk lenken i det siste varselet du fikk, eller bekreft saken i appen.
        </p>
      </Shell>
    );
  }

  const ticket = (
    <p className="text-slate-700">
      Sak <strong>{link.reference}</strong> ({link.priority}): {link.title}
    </p>
  );

  if (link.state === "acknowledged") {
    return (
      <Shell title={svar === "bekreftet" ? "Mottak bekreftet" : "Allerede bekreftet"}>
        {ticket}
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-4 text-emerald-900">
          {svar === "bekreftet" ? "Takk! Varselet er bekreftet" : "Varselet ble bekreftet"}
          {link.acknowledgedByName ? ` av ${link.acknowledgedByName}` : ""} {osloTime(link.acknowledgedAt)}. Det sendes ikke flere varsler om denne saken.
        </p>
      </Shell>
    );
  }

  if (link.state === "expired") {
    return (
      <Shell title="Varselet er ikke lenger aktivt">
        {ticket}
        <p role="status" className="text-slate-700">
          Saken er løst eller lukket, så varselet trenger ikke bekreftes.
        </p>
      </Shell>
    );
  }

  return (
    <Shell title="Vaktvarsel: P1-sak venter">
      {ticket}
      <p className="text-slate-700">Bekreft at du har mottatt varselet, så stopper purringene.</p>
      <form action={acknowledgeByLink}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="rounded-md bg-slate-900 px-5 py-3 font-semibold text-white hover:bg-slate-700 focus:outline-none focus-visible:ring-4 focus-visible:ring-slate-400">
          Bekreft mottatt
        </button>
      </form>
    </Shell>
  );
}
