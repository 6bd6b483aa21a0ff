-- CreateTable
CREATE TABLE "CreditClaim" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL,
    "claimedById" UUID,
    "note" TEXT,

    CONSTRAINT "CreditClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CreditClaim_organizationId_month_key" ON "CreditClaim"("organizationId", "month");

-- AddForeignKey
ALTER TABLE "CreditClaim" ADD CONSTRAINT "CreditClaim_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
