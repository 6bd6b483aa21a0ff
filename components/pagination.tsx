/** "Next page" (and back to the first page) for cursor-paginated lists. */
import Link from "next/link";

export function Pagination({ label, firstHref, firstLabel, nextHref, nextLabel }: { label: string; firstHref: string | null; firstLabel: string; nextHref: string | null; nextLabel: string }) {
  if (!firstHref && !nextHref) return null;
  const link = "rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-100";
  return (
    <nav aria-label={label} className="flex justify-between gap-3">
      {firstHref ? (
        <Link className={link} href={firstHref}>
          {firstLabel}
        </Link>
      ) : (
        <span />
      )}
      {nextHref && (
        <Link className={link} href={nextHref} rel="next">
          {nextLabel}
        </Link>
      )}
    </nav>
  );
}
