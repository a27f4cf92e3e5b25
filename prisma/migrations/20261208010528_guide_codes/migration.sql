-- The conditions a guide version is suggested for (lib/guides/clinical-codes.ts), written with the version.
-- GuideVersion refuses UPDATE (GuideVersion_immutable, a row trigger) but this is DDL: adding a column with a
-- constant default fires no row trigger and rewrites no row (Postgres 11+ keeps the default in the catalogue),
-- so every existing version reads as having no codes. A guide gets codes by a new version: an import or a
-- publish from the editor that carries them.
-- AlterTable
ALTER TABLE "GuideVersion" ADD COLUMN     "codes" JSONB NOT NULL DEFAULT '[]';
