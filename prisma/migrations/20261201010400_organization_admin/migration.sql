-- CreateEnum
CREATE TYPE "OnCallOption" AS ENUM ('NONE', 'VAKTTELEFON', 'ALWAYS');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "contactPersonLimit" INTEGER,
ADD COLUMN     "deactivatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "defaultEmailPriority" "Priority" NOT NULL DEFAULT 'P3',
ADD COLUMN     "onCallOption" "OnCallOption" NOT NULL DEFAULT 'VAKTTELEFON',
ADD COLUMN     "orgNumber" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/Oslo';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isContactPerson" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OrganizationEmailDomain" (
    "domain" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,

    CONSTRAINT "OrganizationEmailDomain_pkey" PRIMARY KEY ("domain")
);

-- CreateIndex
CREATE INDEX "OrganizationEmailDomain_organizationId_idx" ON "OrganizationEmailDomain"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_orgNumber_key" ON "Organization"("orgNumber");

-- AddForeignKey
ALTER TABLE "OrganizationEmailDomain" ADD CONSTRAINT "OrganizationEmailDomain_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing customers keep the on-call cover they had: it used to be read from the agreement's P1
-- calendar (open every hour = the 24/7 option, otherwise the vakttelefon hours), now it is a field.
UPDATE "Organization" o SET "onCallOption" = 'ALWAYS'
WHERE o."agreementId" IS NOT NULL AND EXISTS (
  SELECT 1
  FROM "AgreementVersion" v
  JOIN "ResponseTarget" t ON t."versionId" = v."id" AND t."priority" = 'P1'
  JOIN "Calendar" c ON c."id" = t."calendarId"
  WHERE v."agreementId" = o."agreementId"
    AND v."validFrom" = (
      SELECT coalesce(max(w."validFrom") FILTER (WHERE w."validFrom" <= now()), max(w."validFrom"))
      FROM "AgreementVersion" w WHERE w."agreementId" = o."agreementId"
    )
    AND c."holidayCountry" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "CalendarDate" d WHERE d."calendarId" = c."id")
    AND c."weekly"::jsonb = '{"mon":[["00:00","24:00"]],"tue":[["00:00","24:00"]],"wed":[["00:00","24:00"]],"thu":[["00:00","24:00"]],"fri":[["00:00","24:00"]],"sat":[["00:00","24:00"]],"sun":[["00:00","24:00"]]}'::jsonb
);
