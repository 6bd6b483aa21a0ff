-- AlterTable
ALTER TABLE "SlaClock" ADD COLUMN     "timers" JSONB NOT NULL DEFAULT '[]';
