-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "lockReason" TEXT,
ADD COLUMN     "redFlag" BOOLEAN NOT NULL DEFAULT false;

-- Sections locked before this migration were disclaimers and "when to seek care" sections; say so. Guide
-- text is immutable, so the trigger is lifted for this one backfill (the migration role owns the table).
ALTER TABLE "Section" DISABLE TRIGGER "Section_immutable";
UPDATE "Section" SET "lockReason" = CASE WHEN "kind" = 'disclaimer' THEN 'disclaimer' ELSE 'seek-care' END WHERE "required";
ALTER TABLE "Section" ENABLE TRIGGER "Section_immutable";
