import { describe, expect, it } from "vitest";
import { importGuide } from "@/lib/guides/import/store";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { copyLibraryGuide, findCopySource } from "@/lib/guides/editor/copies";
import { getGuide } from "@/lib/guides/library/queries";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { db, act } from "./helpers";

const guide = (title: string, text: string) => {
  const parsed = parseGuideMarkdown(
    `# ${title}\n\n## Advice\n\n${text}\n\n## When to Seek Care\n\nCall us if it gets worse.\n\n## Disclaimer\n\nGeneral advice.\n`,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join(" "));
  return parsed.guide;
};

describe("clinic copies of library guides", () => {
  it("copies the library's latest version into the clinic, linked to it, and notices a newer library version", async () => {
    const c = await createClinicWithMembers(db);
    const title = `Shared Shoulder ${Date.now()}`;
    const lib1 = await importGuide(db, guide(title, "Rest the shoulder."), { clinicId: null });
    await expect(act(c.clinician.id, c.clinic.id, copyLibraryGuide, lib1.guideId)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const copy = await act(c.admin.id, c.clinic.id, copyLibraryGuide, lib1.guideId);
    expect(copy.guideId).not.toBe(lib1.guideId);
    const read = await act(c.clinician.id, c.clinic.id, getGuide, copy.guideId);
    expect(read.shared).toBe(false);
    expect(read.sections.map((s) => [s.key, s.required])).toEqual([
      ["advice", false],
      ["when-to-seek-care", true],
      ["disclaimer", true],
    ]);
    expect(await act(c.admin.id, c.clinic.id, findCopySource, copy.guideId)).toEqual({
      guideId: lib1.guideId,
      title,
      version: 1,
      latestVersion: 1,
    });
    await importGuide(db, guide(title, "Rest the shoulder, then move it gently."), { clinicId: null });
    expect(await act(c.clinician.id, c.clinic.id, findCopySource, copy.guideId)).toMatchObject({
      version: 1,
      latestVersion: 2,
    });
    // One copy per title; a clinic guide is not the library's to copy; clinic B sees nothing of A's copy.
    await expect(act(c.owner.id, c.clinic.id, copyLibraryGuide, lib1.guideId)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(act(c.owner.id, c.clinic.id, copyLibraryGuide, copy.guideId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const b = await createClinicWithMembers(db);
    expect(await act(b.owner.id, b.clinic.id, findCopySource, copy.guideId)).toBeNull();
    await expect(act(b.owner.id, b.clinic.id, getGuide, copy.guideId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { clinicId: c.clinic.id, action: "guide.copied" } })).toBe(1);
  });
});
