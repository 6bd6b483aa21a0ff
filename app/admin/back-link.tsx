/** The link back to a parent admin page, above a page's heading. */
import Link from "next/link";

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="self-start text-blue-800 underline underline-offset-2">
      ← {label}
    </Link>
  );
}
