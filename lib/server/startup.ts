import { preflight } from "./preflight";

/** Without PostgreSQL or Redis the app says so in one line and exits non-zero, instead of serving errors. */
export async function checkServicesOrExit(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    await preflight({ postgres: "database", redis: true });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
