-- Every logo a clinic has had, by content, so a handout can be drawn again with the logo it printed.
-- CreateTable
CREATE TABLE "LogoVersion" (
    "clinicId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LogoVersion_pkey" PRIMARY KEY ("clinicId","sha256")
);

-- AddForeignKey
ALTER TABLE "LogoVersion" ADD CONSTRAINT "LogoVersion_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The clinic's current logo is its first version.
INSERT INTO "LogoVersion" ("clinicId", "sha256", "bytes", "createdAt")
SELECT "clinicId", "sha256", "bytes", "createdAt" FROM "ClinicLogo";
