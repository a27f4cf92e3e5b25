-- Indexes for the lists at clinic-network scale, each checked with `npm run bench:scale` (EXPLAIN plans).

-- Substring search (ILIKE '%q%') over a clinic's handout titles and patient labels: trigram GIN indexes
-- that start with the clinic (btree_gin), so a search reads the clinic's matches, not every clinic's (a
-- common title word matched 47,000 handouts across the network to find the big clinic's 2,000). Both are
-- trusted extensions (PostgreSQL 13+): the database owner, i.e. the migration role, may create them
-- without superuser rights (checked as a NOSUPERUSER owner on the embedded 17 and Debian's 15, which ship both).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX "Handout_clinicId_title_trgm_idx" ON "Handout" USING GIN ("clinicId" text_ops, "title" gin_trgm_ops);
CREATE INDEX "Handout_clinicId_preparedFor_trgm_idx" ON "Handout" USING GIN ("clinicId" text_ops, "preparedFor" gin_trgm_ops);

-- Keyset pagination orders by (createdAt, id): with id in the index, a page is one range scan, no sort.
DROP INDEX "Handout_clinicId_createdAt_idx";
CREATE INDEX "Handout_clinicId_createdAt_id_idx" ON "Handout"("clinicId", "createdAt" DESC, "id" DESC);
DROP INDEX "Handout_clinicId_authorId_createdAt_idx";
CREATE INDEX "Handout_clinicId_authorId_createdAt_id_idx" ON "Handout"("clinicId", "authorId", "createdAt" DESC, "id" DESC);

-- The activity log is the only reader of AuditEvent. Its two halves (lib/audit/queries.ts), each filtered by
-- nothing, an action or a member, newest first: without the filter column in the index, a rare action or a
-- quiet member meant reading the clinic's events until enough matched.
DROP INDEX "AuditEvent_clinicId_createdAt_idx";
DROP INDEX "AuditEvent_actorId_createdAt_idx";
CREATE INDEX "AuditEvent_clinicId_createdAt_id_idx" ON "AuditEvent"("clinicId", "createdAt", "id");
CREATE INDEX "AuditEvent_clinicId_action_createdAt_id_idx" ON "AuditEvent"("clinicId", "action", "createdAt", "id");
CREATE INDEX "AuditEvent_clinicId_actorId_createdAt_id_idx" ON "AuditEvent"("clinicId", "actorId", "createdAt", "id");
-- Account events (sign-ins and the like, no clinic): small partial indexes, one member at a time.
CREATE INDEX "AuditEvent_account_actorId_createdAt_id_idx" ON "AuditEvent"("actorId", "createdAt", "id") WHERE "clinicId" IS NULL;
CREATE INDEX "AuditEvent_account_actorId_action_createdAt_id_idx" ON "AuditEvent"("actorId", "action", "createdAt", "id") WHERE "clinicId" IS NULL;

-- Library search: each section's tsvector stored with the row (sections never change) instead of computed
-- from its text for every candidate section on every search, twice (match and rank): 550 ms for a clinic
-- with 120 guides. The GIN index is on the stored column; the planner uses it when the terms are rare
-- across the whole library, and the per-version index otherwise.
ALTER TABLE "Section" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "title" || ' ' || "plainText")) STORED;
DROP INDEX "Section_search_idx";
CREATE INDEX "Section_searchVector_idx" ON "Section" USING GIN ("searchVector");
