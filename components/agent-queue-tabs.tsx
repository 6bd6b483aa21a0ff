/** The queues an agent can switch between: one per line they can see, and their own tickets. */
import Link from "next/link";

export interface QueueTab {
  href: string;
  label: string;
  current: boolean;
}

export function AgentQueueTabs({ label, tabs }: { label: string; tabs: QueueTab[] }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-md border px-4 py-2 font-medium focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${tab.current ? "border-blue-800 bg-blue-800 text-white" : "border-slate-400 bg-white text-slate-900 hover:bg-slate-100"}`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
