-- CreateEnum
CREATE TYPE "TicketLinkKind" AS ENUM ('RELATED', 'DUPLICATE', 'CAUSED_BY');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TicketEventType" ADD VALUE 'LINKED';
ALTER TYPE "TicketEventType" ADD VALUE 'UNLINKED';
ALTER TYPE "TicketEventType" ADD VALUE 'MERGED';
ALTER TYPE "TicketEventType" ADD VALUE 'MERGED_IN';
ALTER TYPE "TicketEventType" ADD VALUE 'PARENT_SET';
ALTER TYPE "TicketEventType" ADD VALUE 'CHILDREN_UPDATED';
ALTER TYPE "TicketEventType" ADD VALUE 'EXPECTED_RESOLUTION_SET';

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "expectedResolutionAt" TIMESTAMPTZ(3),
ADD COLUMN     "expectedResolutionNote" TEXT,
ADD COLUMN     "mergedIntoId" UUID,
ADD COLUMN     "parentId" UUID;

-- CreateTable
CREATE TABLE "TicketLink" (
    "id" UUID NOT NULL,
    "fromTicketId" UUID NOT NULL,
    "toTicketId" UUID NOT NULL,
    "kind" "TicketLinkKind" NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TicketLink_toTicketId_idx" ON "TicketLink"("toTicketId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketLink_fromTicketId_toTicketId_key" ON "TicketLink"("fromTicketId", "toTicketId");

-- CreateIndex
CREATE INDEX "Ticket_parentId_idx" ON "Ticket"("parentId");

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_fromTicketId_fkey" FOREIGN KEY ("fromTicketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_toTicketId_fkey" FOREIGN KEY ("toTicketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
