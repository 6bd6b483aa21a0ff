import "server-only";
/** The provider's name (the one organisation with isProvider), as it signs the reports it sends. */
import type { PrismaClient } from "../../generated/prisma/client";

export async function providerName(prisma: PrismaClient): Promise<string> {
  const provider = await prisma.organization.findFirst({ where: { isProvider: true }, select: { name: true }, orderBy: { createdAt: "asc" } });
  return provider?.name ?? "";
}
