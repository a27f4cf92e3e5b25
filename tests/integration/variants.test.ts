import { describe, expect, it } from "vitest";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { importGuide } from "@/lib/guides/import/store";
import { findGuideFamily, getGuideVersion } from "@/lib/guides/library/versions";
import { findLibrary, findVariantColumns } from "@/lib/guides/library/queries";
import { createTemplate } from "@/lib/templates/mutations";
import { previewClinicGuide } from "@/lib/guides/import/mutations";
import { builderFromGuide, builderFromHandout, builderFromTemplate } from "@/lib/handout-drafts/builder-data";
import { createHandout } from "@/lib/printing/generate";
import { getHandout } from "@/lib/handouts/queries";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { db, act } from "./helpers";
import { pdftotext } from "../support/pdf-tools";

const parsed = (md: string) => {
  const r = parseGuideMarkdown(md);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.guide;
};
const english = (title: string) =>
  `# ${title}\n\n## Warm Up\n\nWalk for five minutes.\n\n## Stretches\n\n- Knee to chest\n\n## Cool Down\n\nBreathe slowly.\n\n## Disclaimer\n\nGeneral advice only.\n`;
const spanish = (key: string, warmUp = "Camine cinco minutos.") =>
  `---\nvariantOf: ${key}\nlevel: plain\nlanguage: es\nkeys: [warm-up, stretches, cool-down, disclaimer]\n---\n# Cadera ${key}\n\n## Calentamiento\n\n${warmUp}\n\n> Punto clave: Camine antes de estirar.\n\n## Estiramientos\n\n- Rodilla al pecho\n\n## Para terminar\n\nRespire despacio.\n\n## Aviso legal\n\nSolo consejos generales.\n`;
const contact = {
  clinicName: "Clínica Uno",
  phone: "(555) 010-0000",
  email: "",
  address: "",
  website: "",
  hours: "",
  clinicianName: "",
  credentials: "",
  directPhone: "",
};

async function guideWithSpanish(clinicId: string | null) {
  const title = `Hip Care ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  const en = await importGuide(db, parsed(english(title)), { clinicId });
  const key = title.toLowerCase().replace(/\s+/g, "-");
  const es = await importGuide(db, parsed(spanish(key)), { clinicId });
  return { en, es, key };
}

describe("guide variants", () => {
  it("a template made in English opens in Spanish with the same sections, and its handout prints in Spanish", async () => {
    const c = await createClinicWithMembers(db);
    const { en, es } = await guideWithSpanish(c.clinic.id);
    const t = await act(c.clinician.id, c.clinic.id, createTemplate, {
      templateName: "Hips",
      guideVersionId: en.versionId,
      sectionKeys: ["cool-down", "warm-up"],
      notes: "Dos veces al día.",
      largePrint: false,
    });

    const inEnglish = await act(c.clinician.id, c.clinic.id, builderFromTemplate, t.id);
    expect(inEnglish.guide).toMatchObject({ versionId: en.versionId, language: "en" });
    const start = await act(c.clinician.id, c.clinic.id, builderFromTemplate, t.id, { language: "es" });
    expect(start.guide).toMatchObject({ versionId: es.versionId, language: "es", level: "plain" });
    expect(start.initial.sectionKeys).toEqual(["cool-down", "warm-up"]);
    expect(start.sections.map((s) => s.title)).toEqual([
      "Calentamiento",
      "Estiramientos",
      "Para terminar",
      "Aviso legal",
    ]);
    expect(start.variants.map((v) => v.language)).toEqual(["en", "es"]);

    const { id } = await act(c.clinician.id, c.clinic.id, createHandout, {
      ...start.initial,
      guideVersionId: start.guide.versionId,
      contact,
      preparedFor: "",
      followUpDate: "2026-12-24",
    });
    const handout = await act(c.clinician.id, c.clinic.id, getHandout, id);
    expect(handout.sectionKeys).toEqual(["cool-down", "warm-up", "disclaimer"]);
    expect(handout.options.language).toBe("es");
    const pdf = await db.handoutPdf.findUniqueOrThrow({ where: { handoutId: id } });
    const text = pdftotext(Buffer.from(pdf.bytes));
    for (const s of [
      "Lo más importante",
      "Camine antes de estirar.",
      "Notas de su profesional de salud",
      "Próxima cita: 24 de diciembre de 2026",
      "¿Preguntas? Comuníquese con Clínica Uno",
      "Teléfono:",
      "Página 1 de 1",
    ])
      expect(text).toContain(s);
    expect(text).not.toContain("Page 1");
  });

  it("the clinic's language and level choose where the builder starts; plain when it exists", async () => {
    const c = await createClinicWithMembers(db);
    const { en, es } = await guideWithSpanish(c.clinic.id);
    await db.clinic.update({ where: { id: c.clinic.id }, data: { defaultLanguage: "es" } });
    expect((await act(c.clinician.id, c.clinic.id, builderFromGuide, en.guideId)).guide.versionId).toBe(es.versionId);
    await db.clinic.update({ where: { id: c.clinic.id }, data: { defaultLanguage: "en" } });
    expect((await act(c.clinician.id, c.clinic.id, builderFromGuide, en.guideId)).guide.versionId).toBe(en.versionId);
    // Opened as a variant (its own page), it starts on that variant.
    expect((await act(c.clinician.id, c.clinic.id, builderFromGuide, es.guideId)).guide.versionId).toBe(es.versionId);
  });

  it("a handout keeps the exact variant version it used", async () => {
    const c = await createClinicWithMembers(db);
    const { es, key } = await guideWithSpanish(c.clinic.id);
    const { id } = await act(c.clinician.id, c.clinic.id, createHandout, {
      guideVersionId: es.versionId,
      title: "Cadera",
      sectionKeys: ["warm-up"],
      notes: "",
      preparedFor: "",
      followUpDate: "",
      largePrint: false,
      contact,
    });
    const v2 = await importGuide(db, parsed(spanish(key, "Camine diez minutos.")), { clinicId: c.clinic.id });
    expect(v2).toMatchObject({ guideId: es.guideId, version: 2, unchanged: false });
    const handout = await act(c.clinician.id, c.clinic.id, getHandout, id);
    expect(handout.guideVersion).toMatchObject({ id: es.versionId, version: 1 });
    const pdf = await db.handoutPdf.findUniqueOrThrow({ where: { handoutId: id } });
    expect(pdftotext(Buffer.from(pdf.bytes))).toContain("Camine cinco minutos.");
    const changed = await db.section.findMany({
      where: { versionId: v2.versionId, changed: true },
      select: { key: true },
    });
    expect(changed.map((s) => s.key)).toEqual(["warm-up"]);
    // "Duplicate and edit" starts on the same variant, at its newest version.
    expect((await act(c.clinician.id, c.clinic.id, builderFromHandout, id)).guide).toMatchObject({
      versionId: v2.versionId,
      language: "es",
    });
  });

  it("clinic B cannot see clinic A's variants, not even of a shared guide", async () => {
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    const title = `Shared Hip ${Date.now()}`;
    const shared = await importGuide(db, parsed(english(title)), { clinicId: null });
    const key = title.toLowerCase().replace(/\s+/g, "-");
    const mine = await importGuide(db, parsed(spanish(key)), { clinicId: a.clinic.id });

    expect((await findGuideFamily(a.clinic.id, shared.guideId)).map((m) => m.guideId)).toEqual([
      shared.guideId,
      mine.guideId,
    ]);
    expect((await findGuideFamily(b.clinic.id, shared.guideId)).map((m) => m.guideId)).toEqual([shared.guideId]);
    expect(await act(b.owner.id, b.clinic.id, findVariantColumns, shared.guideId)).toEqual([]);
    expect((await act(a.owner.id, a.clinic.id, findVariantColumns, shared.guideId)).map((v) => v.language)).toEqual([
      "es",
    ]);
    await expect(getGuideVersion(b.clinic.id, mine.versionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(act(b.clinician.id, b.clinic.id, builderFromGuide, mine.guideId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      (await act(b.clinician.id, b.clinic.id, builderFromGuide, shared.guideId, { language: "es" })).variants,
    ).toHaveLength(1);
    await expect(
      act(b.clinician.id, b.clinic.id, createHandout, {
        guideVersionId: mine.versionId,
        title: "x",
        sectionKeys: ["warm-up"],
        notes: "",
        preparedFor: "",
        followUpDate: "",
        largePrint: false,
        contact,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A's variant is not in the library list either (variants show on their original's page).
    const library = await act(a.owner.id, a.clinic.id, findLibrary, { q: title });
    expect(library.guides.map((g) => g.id)).toEqual([shared.guideId]);
    // Nor can B make a variant of A's own guide.
    const own = await guideWithSpanish(a.clinic.id);
    await expect(importGuide(db, parsed(spanish(own.key)), { clinicId: b.clinic.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("names no guide in this library"),
    });
  });

  it("refuses to import a variant whose sections do not match, naming them, and stores nothing", async () => {
    const c = await createClinicWithMembers(db);
    const title = `Knee Care ${Date.now()}`;
    await importGuide(db, parsed(english(title)), { clinicId: c.clinic.id });
    const key = title.toLowerCase().replace(/\s+/g, "-");
    const bad = spanish(key).replace(
      "keys: [warm-up, stretches, cool-down, disclaimer]",
      "keys: [warm-up, exercises, cool-down, disclaimer]",
    );
    await expect(importGuide(db, parsed(bad), { clinicId: c.clinic.id })).rejects.toMatchObject({
      message: expect.stringMatching(
        /lacks a section of ".*": "Stretches" \(stretches\).*"Estiramientos" \(exercises\) is not in the sections/,
      ),
    });
    expect(await db.guide.count({ where: { clinicId: c.clinic.id } })).toBe(1);
    // The portal's preview names the mismatch before anything can be confirmed.
    await expect(act(c.owner.id, c.clinic.id, previewClinicGuide, bad)).rejects.toMatchObject({
      fieldErrors: { source: [expect.stringContaining('"Estiramientos" (exercises) is not in the sections')] },
    });
    const good = await act(c.owner.id, c.clinic.id, previewClinicGuide, spanish(key));
    expect(good.guide.sections.map((s) => s.key)).toEqual(["warm-up", "stretches", "cool-down", "disclaimer"]);
  });
});
