-- CreateTable
CREATE TABLE "HandoutSeal" (
    "handoutId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HandoutSeal_pkey" PRIMARY KEY ("handoutId")
);

-- AddForeignKey
ALTER TABLE "HandoutSeal" ADD CONSTRAINT "HandoutSeal_handoutId_fkey" FOREIGN KEY ("handoutId") REFERENCES "Handout"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What a patient was given stays as it was given, for every role's DML (the app role's included): the guide
-- versions handouts print with their sections and references, the guides' published pictures, the logos
-- handouts printed, each handout's seal, and its patient link's token and lifetime. Until now the guide
-- tables refused UPDATE only, so DELETE FROM "Section" emptied a patient's page. Statement triggers refuse
-- DELETE and TRUNCATE outright (as for Handout); nothing in the portal deletes these rows (a guide and a
-- clinic are never deleted; a guide draft lives in GuideDraft, and discarding it deletes only its own
-- pictures). The tables' owner, the migration role, can still disable a trigger: the patient page then
-- notices through the seal (lib/handouts/seal.ts), unless the seal was rewritten too.
CREATE TRIGGER "GuideVersion_no_delete" BEFORE DELETE ON "GuideVersion" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
CREATE TRIGGER "GuideVersion_no_truncate" BEFORE TRUNCATE ON "GuideVersion" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
CREATE TRIGGER "Section_no_delete" BEFORE DELETE ON "Section" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
CREATE TRIGGER "Section_no_truncate" BEFORE TRUNCATE ON "Section" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
CREATE TRIGGER "GuideReference_no_delete" BEFORE DELETE ON "GuideReference" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
CREATE TRIGGER "GuideReference_no_truncate" BEFORE TRUNCATE ON "GuideReference" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();

-- A logo version is kept by content for the handouts that printed it.
CREATE TRIGGER "LogoVersion_immutable" BEFORE UPDATE ON "LogoVersion" FOR EACH ROW EXECUTE FUNCTION refuse_update_immutable();
CREATE TRIGGER "LogoVersion_no_delete" BEFORE DELETE ON "LogoVersion" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
CREATE TRIGGER "LogoVersion_no_truncate" BEFORE TRUNCATE ON "LogoVersion" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();

-- The seal of what each handout printed is written once, with the handout.
CREATE TRIGGER "HandoutSeal_immutable" BEFORE UPDATE ON "HandoutSeal" FOR EACH ROW EXECUTE FUNCTION refuse_update_immutable();
CREATE TRIGGER "HandoutSeal_no_delete" BEFORE DELETE ON "HandoutSeal" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
CREATE TRIGGER "HandoutSeal_no_truncate" BEFORE TRUNCATE ON "HandoutSeal" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();

-- A void already refused UPDATE and DELETE; TRUNCATE too now.
CREATE TRIGGER "HandoutVoid_no_truncate" BEFORE TRUNCATE ON "HandoutVoid" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();

-- Guide pictures. A published one (draftId null) is shared by every version whose blocks name it: it never
-- changes and is never deleted. A draft's own upload may be deleted (with its draft: on discard, and on
-- publish for those no version uses), or handed to the guide at publish (lib/guides/drafts.ts), the one
-- UPDATE allowed: draftId to null and guideId set to a guide of the same clinic, nothing else changed.
-- Row triggers, so deleting a draft still cascades to its own pictures.
DROP TRIGGER guide_image_immutable ON "GuideImage";
DROP FUNCTION guide_image_immutable();
CREATE FUNCTION guide_image_permanent() RETURNS trigger AS $$
BEGIN
  IF OLD."draftId" IS NULL THEN
    RAISE EXCEPTION 'GuideImage rows of a published guide are a permanent record: % is not allowed', TG_OP;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF NEW."draftId" IS NOT NULL OR NEW."guideId" IS NULL OR NEW."guideId" IS DISTINCT FROM COALESCE(OLD."guideId", NEW."guideId")
     OR (NEW."id", NEW."clinicId", NEW."format", NEW."width", NEW."height", NEW."sha256", NEW."data", NEW."createdAt")
        IS DISTINCT FROM (OLD."id", OLD."clinicId", OLD."format", OLD."width", OLD."height", OLD."sha256", OLD."data", OLD."createdAt")
     OR NOT EXISTS (SELECT 1 FROM "Guide" g WHERE g."id" = NEW."guideId" AND g."clinicId" = NEW."clinicId") THEN
    RAISE EXCEPTION 'A draft''s GuideImage can only be handed to a guide of its clinic when the draft is published (draftId to null, guideId set): nothing else about it may change';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "GuideImage_permanent" BEFORE UPDATE OR DELETE ON "GuideImage" FOR EACH ROW EXECUTE FUNCTION guide_image_permanent();
CREATE TRIGGER "GuideImage_no_truncate" BEFORE TRUNCATE ON "GuideImage" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();

-- Patient links. Which handout a link opens, its token and when it was made never change; a withdrawal is
-- final (revokedAt and who withdrew, once set); the expiry may move earlier at any time, and later only
-- while the link still works (neither withdrawn nor expired), so no DML re-opens a link that stopped. The
-- open counters (openCount, firstOpenedAt, lastOpenedAt, lastOpenAuditAt) stay free. Timestamps are
-- stored in UTC (Prisma), hence now() in UTC.
CREATE FUNCTION patient_link_guard() RETURNS trigger AS $$
BEGIN
  IF (NEW."id", NEW."clinicId", NEW."handoutId", NEW."seed", NEW."tokenHash", NEW."createdAt")
     IS DISTINCT FROM (OLD."id", OLD."clinicId", OLD."handoutId", OLD."seed", OLD."tokenHash", OLD."createdAt") THEN
    RAISE EXCEPTION 'PatientLink: the handout a link opens, its token and when it was made are a permanent record';
  END IF;
  IF OLD."revokedAt" IS NOT NULL AND (NEW."revokedAt", NEW."revokedById") IS DISTINCT FROM (OLD."revokedAt", OLD."revokedById") THEN
    RAISE EXCEPTION 'PatientLink: a withdrawn link stays withdrawn';
  END IF;
  IF NEW."revokedAt" IS NULL AND NEW."revokedById" IS DISTINCT FROM OLD."revokedById" THEN
    RAISE EXCEPTION 'PatientLink: revokedById is set only by withdrawing the link';
  END IF;
  IF NEW."expiresAt" > OLD."expiresAt" AND (OLD."revokedAt" IS NOT NULL OR NEW."revokedAt" IS NOT NULL OR OLD."expiresAt" <= (now() AT TIME ZONE 'UTC')) THEN
    RAISE EXCEPTION 'PatientLink: a withdrawn or expired link cannot be extended or re-opened';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "PatientLink_guard" BEFORE UPDATE ON "PatientLink" FOR EACH ROW EXECUTE FUNCTION patient_link_guard();
CREATE TRIGGER "PatientLink_no_delete" BEFORE DELETE ON "PatientLink" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
CREATE TRIGGER "PatientLink_no_truncate" BEFORE TRUNCATE ON "PatientLink" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
