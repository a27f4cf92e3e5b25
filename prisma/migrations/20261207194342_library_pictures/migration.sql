-- A shared library guide's pictures (lib/guides/zip-store.ts, stored by `npm run guides:import`) belong to
-- no clinic: every clinic sees them with the guide.
-- AlterTable
ALTER TABLE "GuideImage" ALTER COLUMN "clinicId" DROP NOT NULL;

-- Such a picture is a published guide's, never a draft's (drafts are a clinic's own).
ALTER TABLE "GuideImage" ADD CONSTRAINT "GuideImage_library_on_guide" CHECK ("clinicId" IS NOT NULL OR ("guideId" IS NOT NULL AND "draftId" IS NULL));
