/** A message's files in a timeline: images as thumbnails, everything as a download, through /vedlegg/:id (the session's tenancy check). */
import type { AttachmentView } from "@/lib/server/attachments/view";
import { t, type Locale } from "@/lib/i18n";

const THUMBNAIL_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function AttachmentList({ attachments, locale }: { attachments: AttachmentView[] | undefined; locale: Locale }) {
  if (!attachments?.length) return null;
  return (
    <ul aria-label={t(locale, "attachments.label")} className="mt-3 flex flex-wrap gap-3" data-testid="attachments">
      {attachments.map((a) => {
        const href = `/vedlegg/${a.id}`;
        return (
          <li key={a.id} className="flex flex-col gap-1 text-sm">
            {THUMBNAIL_TYPES.has(a.contentType) && (
              <a href={href} target="_blank" rel="noopener">
                <img src={href} alt={a.name} className="h-24 max-w-48 rounded border border-slate-300 object-contain" data-testid="thumbnail" />
              </a>
            )}
            <a href={href} download={a.name} className="text-blue-800 underline" aria-label={t(locale, "attachments.download", { name: a.name })}>
              {a.name} ({size(a.size)})
            </a>
          </li>
        );
      })}
    </ul>
  );
}
