import "server-only";
/** The use-case context of a page's or server action's request: the default one plus the client's address (for the audit log). */
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "../auth/sign-in-throttle";
import { defaultContext, type UseCaseContext } from "../tickets/context";

export async function requestContext(): Promise<UseCaseContext> {
  return { ...defaultContext(), clientAddress: (await headers()).get(CLIENT_ADDRESS_HEADER) };
}
