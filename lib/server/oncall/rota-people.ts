import "server-only";
/** Who the rota editor may put on call: the provider's active staff in ON_CALL_ROLES. */
import type { DbClient } from "../db/prisma";
import { unprocessable } from "../errors";
import { ON_CALL_ROLES } from "./rota";

export interface RotaPerson {
  id: string;
  name: string;
  email: string;
}

export async function rotaPeople(db: DbClient): Promise<RotaPerson[]> {
  return db.user.findMany({
    where: { deactivatedAt: null, role: { in: [...ON_CALL_ROLES] }, organization: { isProvider: true } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true },
  });
}

/** Refuses (422, naming `field`) any id that is not an active on-call person. */
export async function requireRotaPeople(db: DbClient, ids: readonly string[], field: string): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await db.user.findMany({ where: { id: { in: wanted }, deactivatedAt: null, role: { in: [...ON_CALL_ROLES] }, organization: { isProvider: true } }, select: { id: true } });
  if (found.length !== wanted.length) throw unprocessable("Only the provider's active staff can be on call", { [field]: ["Only the provider's active staff can be on call"] });
}
