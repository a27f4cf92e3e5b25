import crypto from "node:crypto";
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { importGuide } from "@/lib/guides/import/store";
import { removeLogo, setLogo } from "@/lib/clinics/branding";
import { createHandout } from "@/lib/printing/generate";
import { storedPdfInput } from "@/lib/handouts/stored-input";
import { createRenderPool } from "@/lib/pdf/pool";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { db, act, importSeedGuide } from "./helpers";

// A stored handout can be made again from what it stored, byte for byte: the plan for a growing PDF table
// (README, "Scaling out") moves old bytes out of Postgres and re-renders them on demand, checked by SHA-256.
// The re-render runs in a new render thread (its own module state and caches, as another process would
// have), after the clinic has replaced its logo and changed its branding.

const pool = createRenderPool({ threads: 1 });
afterAll(() => pool.close());

const PRINT_OPTIONS = (["LETTER", "A4"] as const).flatMap((pageSize) =>
  [false, true].flatMap((largePrint) =>
    (["TOP", "END"] as const).map((notesPosition) => ({ pageSize, largePrint, notesPosition })),
  ),
);

describe("re-rendering a stored handout", () => {
  it("gives the stored bytes in every print option, after the clinic changed its logo and branding", async () => {
    const guide = await importSeedGuide();
    const c = await createClinicWithMembers(db);
    const logo = await sharp({ create: { width: 240, height: 80, channels: 3, background: "#0b6e4f" } })
      .png()
      .toBuffer();
    await act(c.owner.id, c.clinic.id, setLogo, logo, { name: "logo.png", type: "image/png" });
    const version = await db.guideVersion.findUniqueOrThrow({
      where: { id: guide.versionId },
      select: { sections: { select: { key: true, kind: true } } },
    });
    const content = version.sections.filter((s) => s.kind === "content").map((s) => s.key);

    const made: { id: string; label: string }[] = [];
    for (const [i, o] of PRINT_OPTIONS.entries()) {
      await db.clinic.update({
        where: { id: c.clinic.id },
        data: { pageSize: o.pageSize, notesPosition: o.notesPosition, primaryColor: i % 2 ? "#7a1f5c" : "#1d4e89" },
      });
      const { id } = await act(c.clinician.id, c.clinic.id, createHandout, {
        guideVersionId: guide.versionId,
        title: `Back spasms ${i}`,
        // Every content section in reverse order, so the order is the stored one and not the guide's.
        sectionKeys: [...content].reverse(),
        notes:
          i % 2 ? "Walk daily.\n- Ice 15 minutes\n- Heat after 48 hours\nRésumé: ça va. 背痛 Ελλάδα" : "Walk daily.",
        preparedFor: "Jo",
        followUpDate: i % 3 ? "2027-01-15" : "",
        largePrint: o.largePrint,
        patientLink: i % 4 !== 3,
        contact: {
          clinicName: "Test Clinic",
          phone: "(555) 010-0000",
          email: "front@example.org",
          address: "",
          website: "",
          hours: "",
          clinicianName: "Dr. Lee",
          credentials: "DC",
          directPhone: "",
        },
      });
      made.push({ id, label: `${o.pageSize} ${o.largePrint ? "large" : "normal"} notes ${o.notesPosition}` });
    }
    // What the clinic changes later must not reach a handout already made.
    await db.clinic.update({
      where: { id: c.clinic.id },
      data: { pageSize: "LETTER", notesPosition: "TOP", primaryColor: "#000000", name: "Renamed Clinic" },
    });
    await act(
      c.owner.id,
      c.clinic.id,
      setLogo,
      await sharp({ create: { width: 100, height: 100, channels: 3, background: "#ff0000" } })
        .png()
        .toBuffer(),
      { name: "new.png", type: "image/png" },
    );
    await act(c.owner.id, c.clinic.id, removeLogo);

    for (const { id, label } of made) {
      const stored = await db.handoutPdf.findUniqueOrThrow({
        where: { handoutId: id },
        select: { bytes: true, sha256: true },
      });
      const again = await pool.render(await storedPdfInput(c.clinic.id, id));
      expect(crypto.createHash("sha256").update(again.bytes).digest("hex"), label).toBe(stored.sha256);
      expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(stored.bytes)), label).toBe(0);
    }
    // Read through the clinic, like every query: another clinic's id finds nothing.
    const other = await createClinicWithMembers(db);
    await expect(storedPdfInput(other.clinic.id, made[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  }, 240_000);

  it("draws each handout in the layout it was printed with: a row from before layouts were numbered in layout 1", async () => {
    // A guide with a warning-signs section, which layout 2 boxes and keeps on one page.
    const parsed = parseGuideMarkdown(fs.readFileSync("tests/fixtures/guides/knee-replacement-recovery.md"));
    if (!parsed.ok) throw new Error("test guide does not parse");
    const guide = await importGuide(db, parsed.guide, { clinicId: null });
    const c = await createClinicWithMembers(db);
    const contact = {
      clinicName: "Test Clinic",
      phone: "(555) 010-0000",
      email: "",
      address: "",
      website: "",
      hours: "",
      clinicianName: "",
      credentials: "",
      directPhone: "",
    };
    const { id } = await act(c.clinician.id, c.clinic.id, createHandout, {
      guideVersionId: guide.versionId,
      title: "Knee recovery",
      sectionKeys: ["your-medicines", "caring-for-your-wound"],
      notes: "Walk daily.",
      preparedFor: "",
      followUpDate: "",
      largePrint: false,
      patientLink: false,
      contact,
    });
    const current = await db.handout.findUniqueOrThrow({
      where: { id },
      select: { options: true, pdf: { select: { bytes: true } } },
    });
    expect(current.options).toMatchObject({ layout: 2 });
    const again = await pool.render(await storedPdfInput(c.clinic.id, id));
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(current.pdf!.bytes))).toBe(0);

    // The same handout as the portal stored it before layout 2: its options without a layout, its PDF drawn
    // by the first print rules (which layout 1 keeps, tests/unit/pdf/layout-versions.test.ts).
    const row = await db.handout.findUniqueOrThrow({ where: { id } });
    const { layout: _layout, ...oldOptions } = row.options as Record<string, unknown>;
    const oldPdf = await pool.render({ ...(await storedPdfInput(c.clinic.id, id)), layout: 1 });
    expect(
      Buffer.compare(Buffer.from(oldPdf.bytes), Buffer.from(current.pdf!.bytes)),
      "the two layouts print this handout differently",
    ).not.toBe(0);
    const old = await db.handout.create({
      data: {
        ...row,
        id: undefined,
        contact: row.contact as object,
        options: oldOptions as object,
        branding: row.branding as object,
        pdf: {
          create: {
            bytes: new Uint8Array(oldPdf.bytes),
            sha256: oldPdf.sha256,
            size: oldPdf.bytes.length,
            pages: oldPdf.pages,
          },
        },
      },
      select: { id: true },
    });
    const input = await storedPdfInput(c.clinic.id, old.id);
    expect(input.layout).toBe(1);
    const oldAgain = await pool.render(input);
    expect(oldAgain.sha256).toBe(oldPdf.sha256);
    expect(Buffer.compare(Buffer.from(oldAgain.bytes), Buffer.from(oldPdf.bytes))).toBe(0);
  }, 120_000);
});
