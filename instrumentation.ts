/**
 * Runs once as the Next.js server starts. The Node.js part (lib/server/startup.ts) checks
 * PostgreSQL and Redis and exits with a one-line explanation when either is missing.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkServicesOrExit } = await import("./lib/server/startup");
    await checkServicesOrExit();
  }
}
