-- CreateEnum
CREATE TYPE "OnCallShiftKind" AS ENUM ('MANUAL', 'PATTERN', 'OVERRIDE');

-- AlterTable
ALTER TABLE "OnCallShift" ADD COLUMN     "kind" "OnCallShiftKind" NOT NULL DEFAULT 'MANUAL',
ADD COLUMN     "patternId" UUID;

-- CreateTable
CREATE TABLE "OnCallPattern" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "hours" "OnCallOption" NOT NULL DEFAULT 'VAKTTELEFON',
    "weeks" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnCallPattern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnCallCalendarToken" (
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnCallCalendarToken_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "OnCallPattern_startsOn_key" ON "OnCallPattern"("startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "OnCallCalendarToken_tokenHash_key" ON "OnCallCalendarToken"("tokenHash");

-- CreateIndex
CREATE INDEX "OnCallShift_patternId_startsAt_idx" ON "OnCallShift"("patternId", "startsAt");

-- AddForeignKey
ALTER TABLE "OnCallShift" ADD CONSTRAINT "OnCallShift_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "OnCallPattern"("id") ON DELETE SET NULL ON UPDATE CASCADE;
