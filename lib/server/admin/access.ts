/** The provider admin's use cases are for provider admins only; anyone else is told "not found". */
import type { Actor } from "../actor";
import { notFound } from "../errors";

export function assertProviderAdmin(actor: Actor): void {
  if (actor.role !== "PROVIDER_ADMIN") throw notFound("Page");
}
