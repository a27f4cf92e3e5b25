-- Single sign-on per clinic (issue 26): the clinic's OpenID provider, the domains it may speak for, and which
-- person there each account is. The app role gets its rights on the new tables from the default privileges set
-- up for it (README, "Database roles": ALTER DEFAULT PRIVILEGES FOR ROLE portal_migrator ... TO portal_app),
-- as for every earlier table.

-- CreateTable
CREATE TABLE "ClinicSso" (
    "clinicId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretSealed" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "allowJit" BOOLEAN NOT NULL DEFAULT false,
    "requireSso" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClinicSso_pkey" PRIMARY KEY ("clinicId")
);

-- CreateTable
CREATE TABLE "SsoDomain" (
    "domain" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,

    CONSTRAINT "SsoDomain_pkey" PRIMARY KEY ("domain")
);

-- CreateTable
CREATE TABLE "SsoIdentity" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoIdentity_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "AuthSession" ADD COLUMN     "ssoClinicId" TEXT;

-- CreateIndex
CREATE INDEX "SsoDomain_clinicId_idx" ON "SsoDomain"("clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "SsoIdentity_clinicId_userId_key" ON "SsoIdentity"("clinicId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "SsoIdentity_clinicId_issuer_subject_key" ON "SsoIdentity"("clinicId", "issuer", "subject");

-- AddForeignKey
ALTER TABLE "ClinicSso" ADD CONSTRAINT "ClinicSso_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SsoDomain" ADD CONSTRAINT "SsoDomain_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "ClinicSso"("clinicId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SsoIdentity" ADD CONSTRAINT "SsoIdentity_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SsoIdentity" ADD CONSTRAINT "SsoIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- "Require single sign-on" only while it is on; domains are stored as the sign-in page looks them up.
ALTER TABLE "ClinicSso" ADD CONSTRAINT "ClinicSso_require_needs_enabled" CHECK (NOT "requireSso" OR "enabled");
ALTER TABLE "SsoDomain" ADD CONSTRAINT "SsoDomain_lower_case" CHECK ("domain" = lower("domain"));
