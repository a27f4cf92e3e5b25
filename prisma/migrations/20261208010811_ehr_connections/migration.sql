-- CreateEnum
CREATE TYPE "ChartFilingStatus" AS ENUM ('QUEUED', 'SENDING', 'FILED', 'FAILED');

-- CreateTable
CREATE TABLE "EhrConnection" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "fhirBaseUrl" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "authMethod" TEXT NOT NULL,
    "clientSecret" TEXT,
    "privateKey" TEXT NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "preparedFor" TEXT NOT NULL DEFAULT 'initials',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EhrConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EhrIdentity" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "fhirUser" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EhrIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EhrGrant" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EhrGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EhrLaunch" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "userId" TEXT,
    "pendingGrant" TEXT,
    "linkTokenHash" TEXT,
    "patient" TEXT NOT NULL,
    "encounter" TEXT,
    "fhirUser" TEXT,
    "preparedFor" TEXT,
    "conditions" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EhrLaunch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChartFiling" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "handoutId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "patient" TEXT NOT NULL,
    "encounter" TEXT,
    "author" TEXT,
    "deliveryId" TEXT,
    "status" "ChartFilingStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "resourceRef" TEXT,
    "lastError" TEXT,
    "filedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChartFiling_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EhrConnection_clinicId_key" ON "EhrConnection"("clinicId");

-- CreateIndex
CREATE INDEX "EhrIdentity_userId_idx" ON "EhrIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "EhrIdentity_connectionId_fhirUser_key" ON "EhrIdentity"("connectionId", "fhirUser");

-- CreateIndex
CREATE UNIQUE INDEX "EhrGrant_connectionId_userId_key" ON "EhrGrant"("connectionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "EhrLaunch_linkTokenHash_key" ON "EhrLaunch"("linkTokenHash");

-- CreateIndex
CREATE INDEX "EhrLaunch_clinicId_userId_createdAt_idx" ON "EhrLaunch"("clinicId", "userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ChartFiling_status_nextAttemptAt_idx" ON "ChartFiling"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "ChartFiling_clinicId_handoutId_idx" ON "ChartFiling"("clinicId", "handoutId");

-- CreateIndex
CREATE UNIQUE INDEX "ChartFiling_handoutId_key_key" ON "ChartFiling"("handoutId", "key");

-- AddForeignKey
ALTER TABLE "EhrConnection" ADD CONSTRAINT "EhrConnection_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EhrIdentity" ADD CONSTRAINT "EhrIdentity_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "EhrConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EhrIdentity" ADD CONSTRAINT "EhrIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EhrGrant" ADD CONSTRAINT "EhrGrant_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "EhrConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChartFiling" ADD CONSTRAINT "ChartFiling_handoutId_fkey" FOREIGN KEY ("handoutId") REFERENCES "Handout"("id") ON DELETE CASCADE ON UPDATE CASCADE;
