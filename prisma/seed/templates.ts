// Demo templates, so the clinic home's "Make handout" and "Make and email" (the three-click daily job) can be
// tried on a fresh start. Made once per clinic, by its owner, from the shared library's back-spasms guide in
// the clinic's reading level.
import type { PrismaClient } from "@/lib/generated/prisma/client";

type DemoTemplate = {
  clinicId: string;
  name: string;
  level: "standard" | "plain";
  sectionKeys: string[];
  notes: string;
};

const TEMPLATES: DemoTemplate[] = [
  {
    clinicId: "demo-riverside",
    name: "Back spasm: first visit",
    level: "standard",
    sectionKeys: ["what-is-a-back-spasm", "symptoms", "treatment", "prevention", "references", "disclaimer"],
    notes:
      "Use heat for 15 to 20 minutes, two or three times a day.\n- Walk for 10 minutes after each meal\n- Call us if the pain spreads down your leg",
  },
  {
    clinicId: "demo-riverside",
    name: "Back spasm: staying well at work",
    level: "standard",
    sectionKeys: ["prevention", "risk-factors", "treatment", "references", "disclaimer"],
    notes: "Stand up and stretch every 30 minutes.\n- Lift with your knees, not your back",
  },
  {
    clinicId: "demo-lakeside",
    name: "Back spasm basics",
    level: "plain",
    sectionKeys: ["what-is-a-back-spasm", "treatment", "prevention", "references", "disclaimer"],
    notes: "Keep moving gently. Short walks help.",
  },
];

const ORIGINAL_KEY = "treating-back-spasms-a-comprehensive-guide";

export async function seedDemoTemplates(db: PrismaClient): Promise<void> {
  // Only a clinic nobody has used yet (no template, no handout) gets them: one whose templates were deleted
  // keeps none.
  const fresh = new Set<string>();
  for (const clinicId of new Set(TEMPLATES.map((t) => t.clinicId))) {
    const [templates, handouts] = await Promise.all([
      db.template.count({ where: { clinicId } }),
      db.handout.count({ where: { clinicId } }),
    ]);
    if (templates === 0 && handouts === 0) fresh.add(clinicId);
  }
  for (const t of TEMPLATES) {
    if (!fresh.has(t.clinicId)) continue;
    const owner = await db.membership.findFirst({
      where: { clinicId: t.clinicId, role: "OWNER" },
      select: { userId: true },
    });
    const original = await db.guide.findFirst({
      where: { clinicId: null, key: ORIGINAL_KEY, variantOfId: null },
      select: { id: true },
    });
    if (!owner || !original) continue;
    const guide = await db.guide.findFirst({
      where: {
        clinicId: null,
        level: t.level,
        language: "en",
        OR: [{ id: original.id }, { variantOfId: original.id }],
      },
      select: {
        id: true,
        versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, sections: { select: { key: true } } } },
      },
    });
    const version = guide?.versions[0];
    if (!guide || !version) continue;
    const known = new Set(version.sections.map((s) => s.key));
    await db.template.create({
      data: {
        clinicId: t.clinicId,
        name: t.name,
        guideId: guide.id,
        guideVersionId: version.id,
        sectionKeys: t.sectionKeys.filter((k) => known.has(k)),
        notes: t.notes,
        createdById: owner.userId,
      },
    });
  }
}
