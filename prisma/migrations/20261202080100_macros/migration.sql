-- CreateTable
CREATE TABLE "Macro" (
    "id" UUID NOT NULL,
    "ownerId" UUID,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "TicketStatus",
    "priority" "Priority",
    "line" "SupportLine",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Macro_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Macro_ownerId_title_idx" ON "Macro"("ownerId", "title");

-- AddForeignKey
ALTER TABLE "Macro" ADD CONSTRAINT "Macro_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
