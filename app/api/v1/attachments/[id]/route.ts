/** GET /api/v1/attachments/:id: downloads a file the caller may see (404 otherwise), served safely. */
import { withApiActor } from "../../../../../lib/server/api/with-api-actor";
import { attachmentResponse, openAttachment } from "../../../../../lib/server/attachments/download";

export const dynamic = "force-dynamic";

export const GET = withApiActor<{ id: string }>(async ({ actor, ctx, params }) => attachmentResponse(await openAttachment({ actor, id: params.id, ctx })));
