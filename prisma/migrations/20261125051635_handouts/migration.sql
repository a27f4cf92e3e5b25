-- CreateTable
CREATE TABLE "Handout" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "guideVersionId" TEXT NOT NULL,
    "sourceHandoutId" TEXT,
    "title" TEXT NOT NULL,
    "preparedFor" TEXT,
    "followUpDate" DATE,
    "notes" TEXT NOT NULL,
    "sectionKeys" TEXT[],
    "contact" JSONB NOT NULL,
    "options" JSONB NOT NULL,
    "branding" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Handout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoutPdf" (
    "id" TEXT NOT NULL,
    "handoutId" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "pages" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HandoutPdf_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Handout_clinicId_createdAt_idx" ON "Handout"("clinicId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Handout_clinicId_authorId_createdAt_idx" ON "Handout"("clinicId", "authorId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "HandoutPdf_handoutId_key" ON "HandoutPdf"("handoutId");

-- AddForeignKey
ALTER TABLE "Handout" ADD CONSTRAINT "Handout_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handout" ADD CONSTRAINT "Handout_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handout" ADD CONSTRAINT "Handout_guideVersionId_fkey" FOREIGN KEY ("guideVersionId") REFERENCES "GuideVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoutPdf" ADD CONSTRAINT "HandoutPdf_handoutId_fkey" FOREIGN KEY ("handoutId") REFERENCES "Handout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What a patient was given, and the guide text it came from, never change after the fact.
CREATE FUNCTION refuse_update_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable: create a new one instead', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Handout_immutable" BEFORE UPDATE ON "Handout" FOR EACH ROW EXECUTE FUNCTION refuse_update_immutable();
CREATE TRIGGER "HandoutPdf_immutable" BEFORE UPDATE ON "HandoutPdf" FOR EACH ROW EXECUTE FUNCTION refuse_update_immutable();
CREATE TRIGGER "GuideVersion_immutable" BEFORE UPDATE ON "GuideVersion" FOR EACH ROW EXECUTE FUNCTION refuse_update_immutable();
CREATE TRIGGER "Section_immutable" BEFORE UPDATE ON "Section" FOR EACH ROW EXECUTE FUNCTION refuse_update_immutable();
CREATE TRIGGER "GuideReference_immutable" BEFORE UPDATE ON "GuideReference" FOR EACH ROW EXECUTE FUNCTION refuse_update_immutable();
