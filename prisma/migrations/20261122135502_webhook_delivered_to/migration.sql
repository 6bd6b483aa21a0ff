-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "webhookDeliveredTo" UUID[] DEFAULT ARRAY[]::UUID[];
