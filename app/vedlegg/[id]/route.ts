/** GET /vedlegg/:id: a ticket's file for the signed-in person who may see it (404 otherwise). */
import { getActor } from "@/lib/server/auth/session";
import { sessionAttachmentResponse } from "@/lib/server/attachments/download";
import { defaultContext } from "@/lib/server/tickets/context";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return sessionAttachmentResponse(id, await getActor(), defaultContext());
}
