/** GET /arbeid/epost/:id: the original e-mail (RFC 822) as a download, for staff who may see it (404 otherwise). */
import { getActor } from "@/lib/server/auth/session";
import { originalMailResponse } from "@/lib/server/agent-mail";
import { defaultContext } from "@/lib/server/tickets/context";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return originalMailResponse(id, await getActor(), defaultContext());
}
