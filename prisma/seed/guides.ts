// Imports every prisma/seed/guides/*.md into the shared library, variants after the guides they belong to. Unchanged text adds no version, so the
// seed can run on every start.
import fs from "node:fs";
import path from "node:path";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { importGuide } from "@/lib/guides/import/store";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const DIR = path.join(process.cwd(), "prisma", "seed", "guides");

export async function seedLibraryGuides(db: PrismaClient): Promise<void> {
  const guides = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => {
      const parsed = parseGuideMarkdown(fs.readFileSync(path.join(DIR, file)));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join(" ")}`);
      return parsed;
    });
  // Originals before their variants (plain language, translations), which are checked against them.
  guides.sort((a, b) => Number(a.guide.variant.of !== null) - Number(b.guide.variant.of !== null));
  for (const parsed of guides) {
    const result = await importGuide(db, parsed.guide, { clinicId: null });
    if (!result.unchanged) console.log(`[seed] library guide "${parsed.guide.title}" is now version ${result.version}`);
  }
}
