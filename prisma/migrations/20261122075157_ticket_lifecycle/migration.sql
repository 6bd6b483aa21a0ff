-- AlterEnum
ALTER TYPE "TicketEventType" ADD VALUE 'RCA_RECORDED';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "confirmationWindowHours" INTEGER NOT NULL DEFAULT 120,
ADD COLUMN     "replyStartsTroubleshooting" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "confirmationDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "correctiveActions" TEXT,
ADD COLUMN     "rootCause" TEXT;

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatchedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxMessage_dispatchedAt_id_idx" ON "OutboxMessage"("dispatchedAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_status_confirmationDueAt_idx" ON "Ticket"("status", "confirmationDueAt");
