import "server-only";
import type { DbClient } from "../db/prisma";

/** Who is paged when nobody (more) is on call: the active provider admins and 1st-line leads. */
export async function fallbackRecipients(db: DbClient): Promise<string[]> {
  const users = await db.user.findMany({
    where: {
      deactivatedAt: null,
      organization: { isProvider: true },
      OR: [{ role: "PROVIDER_ADMIN" }, { role: "AGENT", supportLine: "L1", isLineLead: true }],
    },
    orderBy: [{ role: "desc" }, { email: "asc" }],
    select: { id: true },
  });
  return users.map((u) => u.id);
}
