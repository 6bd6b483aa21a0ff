/**
 * POST /api/v1/users/invitations {name, email, role}: invite a person by e-mail (201); they get a
 * one-time link to choose a password. A customer admin's token invites end users and customer
 * admins into its own organisation only; a provider admin's names the organisation.
 */
import { inviteUser } from "../../../../../lib/server/people";
import { withApiActor } from "../../../../../lib/server/api/with-api-actor";
import { json } from "../../../../../lib/server/api/responses";

export const dynamic = "force-dynamic";

export const POST = withApiActor(async ({ actor, ctx, body }) => {
  const invited = await inviteUser({ actor, input: (await body()) as Parameters<typeof inviteUser>[0]["input"], ctx });
  return json({ userId: invited.userId, email: invited.email, status: "invited" }, { status: 201 });
});
