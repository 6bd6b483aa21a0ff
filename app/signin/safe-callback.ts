/**
 * Where to go after sign-in: only a path on this site (an absolute URL keeps just its path), so
 * the sign-in page can never redirect elsewhere.
 */
export function safeCallbackUrl(value: string | string[] | undefined, fallback = "/"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  try {
    const url = new URL(raw, "http://this.site");
    const path = `${url.pathname}${url.search}`;
    return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/signin") ? path : fallback;
  } catch {
    return fallback;
  }
}
