-- CreateEnum
CREATE TYPE "IncidentUpdateKind" AS ENUM ('OPENED', 'UPDATED', 'CLOSED');

-- AlterTable
ALTER TABLE "ServiceAgreement" ADD COLUMN     "maintenanceNotice" JSONB;

-- AlterTable
ALTER TABLE "MaintenanceWindow" ADD COLUMN     "announcedAt" TIMESTAMPTZ(3),
ADD COLUMN     "noticeFlags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "IncidentOrganization" (
    "incidentId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,

    CONSTRAINT "IncidentOrganization_pkey" PRIMARY KEY ("incidentId","organizationId")
);

-- CreateTable
CREATE TABLE "IncidentTicket" (
    "incidentId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,

    CONSTRAINT "IncidentTicket_pkey" PRIMARY KEY ("incidentId","ticketId")
);

-- CreateTable
CREATE TABLE "IncidentUpdate" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "kind" "IncidentUpdateKind" NOT NULL,
    "message" TEXT NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IncidentUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IncidentOrganization_organizationId_idx" ON "IncidentOrganization"("organizationId");

-- CreateIndex
CREATE INDEX "IncidentTicket_ticketId_idx" ON "IncidentTicket"("ticketId");

-- CreateIndex
CREATE INDEX "IncidentUpdate_incidentId_createdAt_idx" ON "IncidentUpdate"("incidentId", "createdAt");

-- AddForeignKey
ALTER TABLE "IncidentOrganization" ADD CONSTRAINT "IncidentOrganization_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentOrganization" ADD CONSTRAINT "IncidentOrganization_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentTicket" ADD CONSTRAINT "IncidentTicket_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentTicket" ADD CONSTRAINT "IncidentTicket_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentUpdate" ADD CONSTRAINT "IncidentUpdate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Notice rules of the seeded agreements (lib/sla maintenance-notice.ts, the seed writes the same)
UPDATE "ServiceAgreement" SET "maintenanceNotice" = '{"source":"002 §6.3","timeZone":"Europe/Oslo","minNoticeDays":5,"requireCause":true,"allowedSlots":{"timeZone":"Europe/Oslo","slots":[{"days":["mon","tue","wed","thu","fri"],"start":"00:00","end":"06:00"},{"days":["mon","tue","wed","thu","fri"],"start":"22:00","end":"24:00"},{"days":["sat","sun"],"start":"00:00","end":"24:00"}]}}'::jsonb WHERE "key" LIKE 'nettsoft-%';
UPDATE "ServiceAgreement" SET "maintenanceNotice" = '{"source":"001 Bilag 1","timeZone":"Europe/Oslo","reasonableNoticeHours":72}'::jsonb WHERE "key" = 'sodvin-azure';
UPDATE "ServiceAgreement" SET "maintenanceNotice" = '{"source":"000 §8","timeZone":"Europe/Oslo"}'::jsonb WHERE "key" IN ('netpower-ordinary', 'netpower-extended');

-- Netpower 000 §8 has no automatic downtime exclusion in the Wednesday window: it counts as maintenance only when announced
UPDATE "MaintenanceWindow" SET "rule" = "rule" || '{"announcedOnly":true}'::jsonb WHERE "kind" = 'RECURRING' AND "agreementId" IN (SELECT "id" FROM "ServiceAgreement" WHERE "key" IN ('netpower-ordinary', 'netpower-extended'));

