/*
  Warnings:

  - You are about to drop the `LoginThrottle` table. If the table is not empty, all the data it contains will be lost.

*/
-- CreateEnum
CREATE TYPE "AccountEmailKind" AS ENUM ('PASSWORD_RESET', 'INVITE');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');

-- DropTable
DROP TABLE "LoginThrottle";

-- CreateTable
CREATE TABLE "Throttle" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowStartsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "Throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AccountEmail" (
    "id" TEXT NOT NULL,
    "kind" "AccountEmailKind" NOT NULL,
    "email" TEXT,
    "inviteId" TEXT,
    "ip" TEXT,
    "status" "OutboxStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountEmail_status_nextAttemptAt_idx" ON "AccountEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AccountEmail_inviteId_idx" ON "AccountEmail"("inviteId");

-- AddForeignKey
ALTER TABLE "AccountEmail" ADD CONSTRAINT "AccountEmail_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "Invite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A handout and its PDF are the record of what a patient was given: they refuse DELETE and TRUNCATE too
-- (statement triggers: any DELETE statement on them fails, even one that matches no row),
-- not only UPDATE, so neither a bug nor a stolen app credential can remove them. (The app's database role
-- does not own the tables, so it cannot disable these triggers either: see the README, "Database roles".)
-- A retention job, if one is ever added, will run as the migration role with its own documented procedure.
CREATE FUNCTION refuse_delete_record() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% rows are a permanent record: % is not allowed', TG_TABLE_NAME, TG_OP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Handout_no_delete" BEFORE DELETE ON "Handout" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
CREATE TRIGGER "Handout_no_truncate" BEFORE TRUNCATE ON "Handout" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
CREATE TRIGGER "HandoutPdf_no_delete" BEFORE DELETE ON "HandoutPdf" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
CREATE TRIGGER "HandoutPdf_no_truncate" BEFORE TRUNCATE ON "HandoutPdf" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
