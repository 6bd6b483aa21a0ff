-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TicketEventType" ADD VALUE 'BREACH_NOTICE_WARNING';
ALTER TYPE "TicketEventType" ADD VALUE 'BREACH_NOTICE_BREACHED';
ALTER TYPE "TicketEventType" ADD VALUE 'CUSTOMER_NOTIFIED_OF_BREACH';

-- AlterEnum
ALTER TYPE "SlaMetric" ADD VALUE 'BREACH_NOTICE';

-- AlterTable
ALTER TABLE "AgreementVersion" ADD COLUMN     "breachNotice" JSONB;
