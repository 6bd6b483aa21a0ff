/** The session as the app sees it: only the user id travels in the JWT; the rest is read fresh. */
import type { Role } from "../../generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; locale: string };
  }
}
