/** The session as the app sees it: the user id and the server-side session id travel in the JWT; the rest is read fresh. */
import type { Role } from "../../generated/prisma/enums";
import type { SecondFactorStage } from "../two-factor/requirement";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; locale: string };
    /** Set while the sign-in's second step is not done (the session opens nothing yet). */
    secondFactor?: SecondFactorStage | null;
    /** The server-side session's id: only in the server's own reads (internalOptions), never sent to the browser. */
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The server-side session's id (lib/server/auth/sessions.ts). */
    sid?: string;
    /** From the server-side session on each request: the second step still to do. */
    secondFactor?: SecondFactorStage;
  }
}
