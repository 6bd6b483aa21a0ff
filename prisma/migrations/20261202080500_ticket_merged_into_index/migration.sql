-- The agent ticket page lists the tickets merged into it (mergedFrom): without an index that
-- read scans every ticket (about 250 ms at 1,100,000 tickets in bench:queue)
CREATE INDEX "Ticket_mergedIntoId_idx" ON "Ticket"("mergedIntoId");
