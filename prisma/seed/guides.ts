// Placeholder until the guide importer lands: replaced in the guide-library change.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function seedLibraryGuides(_db: PrismaClient): Promise<void> {}
