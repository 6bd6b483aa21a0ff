/**
 * What a slow part of a page shows while it loads. Use it as a <Suspense fallback> inside the
 * page, after the page has decided about 404 and redirects: a route-level loading.tsx would
 * start streaming with status 200 before notFound() could answer 404.
 */
export function LoadingState({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-10 text-slate-700">
      <span aria-hidden="true" className="h-5 w-5 animate-spin rounded-full border-2 border-slate-400 border-t-blue-800" />
      {label}
    </div>
  );
}
