import "server-only";
import { preflight } from "./preflight";

/** Without NEXTAUTH_SECRET, PostgreSQL or Redis the app says so in one line and exits non-zero, instead of serving errors. */
export async function checkServicesOrExit(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (!process.env.NEXTAUTH_SECRET) {
    console.error("NEXTAUTH_SECRET is not set: set it to a long random value (openssl rand -base64 32) before starting the app.");
    process.exit(1);
  }
  try {
    await preflight({ postgres: "database", redis: true });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
