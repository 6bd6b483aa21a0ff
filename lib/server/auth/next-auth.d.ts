/** The session as the app sees it: the user id and the server-side session id travel in the JWT; the rest is read fresh. */
import type { Role } from "../../generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; locale: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The server-side session's id (lib/server/auth/sessions.ts). */
    sid?: string;
  }
}
