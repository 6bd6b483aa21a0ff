import { PriorityList, type PriorityTarget } from "@/components/priority-list";
import { NETPOWER_ORDINARY } from "@/lib/sla/presets";
import { PRIORITIES } from "@/lib/sla/agreement";

export default function HomePage() {
  const current = NETPOWER_ORDINARY.versions.at(-1)!;
  const targets: PriorityTarget[] = PRIORITIES.flatMap((code) => {
    const target = current.targets[code];
    return target ? [{ code, minutes: target.minutes }] : [];
  });
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-8 px-6 py-16">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Helpdesk</h1>
        <p className="text-lg text-slate-700">
          Meld inn saker, følg dem til de er løst, og se at responstiden i avtalen holdes — med SLA-klokker som regner
          med åpningstider, helligdager og sommertid.
        </p>
      </header>
      <section className="flex flex-col gap-3" aria-labelledby="priorities">
        <h2 id="priorities" className="text-xl font-semibold">
          Responstid per prioritet
        </h2>
        <PriorityList targets={targets} />
        <p className="text-sm text-slate-600">Ordinær SLA: arbeidstid hverdager 08:00–16:00, norske helligdager unntatt.</p>
      </section>
      <footer className="text-sm text-slate-600">
        <a className="underline hover:text-slate-900" href="/api/health">
          Systemstatus
        </a>
      </footer>
    </main>
  );
}
