import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { zipSync, strToU8 } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { copyLibraryGuide } from "@/lib/guides/editor/copies";
import { findGuideImage, findSectionImages } from "@/lib/guides/library/images";
import { getGuide } from "@/lib/guides/library/queries";
import type { Block } from "@/lib/guides/blocks";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { db, act } from "./helpers";

// `npm run guides:import` with a .zip: the Library's zip format through the same reading and checks, into
// the shared library, whose pictures belong to no clinic and are shown to every clinic.
const run = promisify(execFile);
const importCommand = (file: string, ...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/cli/guides-import.ts", file, ...args], {
    env: process.env,
    encoding: "utf8",
    timeout: 60_000,
  });

const md = (title: string) => `# ${title}

## Heel Raises

Rise onto your toes, then lower slowly.

![Someone rising onto their toes beside a chair](pictures/heel-raise.png "Hold the chair for balance")

## Disclaimer

General advice, not a diagnosis.
`;
const png = () =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: "#5b8a72" } })
    .png()
    .toBuffer();
const zipFile = (name: string, files: Record<string, Uint8Array>) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "guide-zip-")), name);
  fs.writeFileSync(file, zipSync(files));
  return file;
};
const imageOf = (blocks: Block[]) => blocks.find((b): b is Extract<Block, { type: "image" }> => b.type === "image");

describe("importing a guide zip from the command line", () => {
  it("stores a library guide with its picture, which every clinic sees, prints and copies", async () => {
    const title = `Heel Raises ${Date.now()}`;
    const picture = await png();
    const file = zipFile("heel.zip", { "heel/guide.md": strToU8(md(title)), "heel/pictures/heel-raise.png": picture });
    const { stdout } = await importCommand(file, "--library");
    expect(stdout).toMatch(new RegExp(`"${title}" version 1\\n`));
    expect(stdout).toContain("pictures: 1 stored, 0 the guide already had");

    const guide = await db.guide.findFirstOrThrow({
      where: { clinicId: null, versions: { some: { title } } },
      select: { id: true },
    });
    const stored = await db.guideImage.findMany({
      where: { guideId: guide.id },
      select: { id: true, clinicId: true, draftId: true, width: true },
    });
    expect(stored).toEqual([{ id: expect.any(String), clinicId: null, draftId: null, width: 900 }]);

    // Any clinic: the guide page's picture, the PDF's bytes.
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    for (const c of [a, b]) {
      const seen = await act(c.clinician.id, c.clinic.id, getGuide, guide.id);
      expect(imageOf(seen.sections[0]!.blocks)).toMatchObject({
        imageId: stored[0]!.id,
        alt: "Someone rising onto their toes beside a chair",
      });
      expect(await findGuideImage(c.clinic.id, stored[0]!.id, { includeDrafts: false })).toMatchObject({
        format: "png",
      });
      expect(Object.keys(await findSectionImages(c.clinic.id, seen.sections))).toEqual([stored[0]!.id]);
    }

    // A clinic copy keeps the picture, as a picture of the clinic's own.
    const { guideId } = await act(a.owner.id, a.clinic.id, copyLibraryGuide, guide.id);
    const copy = await act(a.clinician.id, a.clinic.id, getGuide, guideId);
    const copied = imageOf(copy.sections[0]!.blocks)!;
    expect(copied).toMatchObject({
      alt: "Someone rising onto their toes beside a chair",
      caption: "Hold the chair for balance",
    });
    expect(copied.imageId).not.toBe(stored[0]!.id);
    const own = await db.guideImage.findUniqueOrThrow({
      where: { id: copied.imageId },
      select: { clinicId: true, guideId: true, sha256: true },
    });
    const original = await db.guideImage.findUniqueOrThrow({ where: { id: stored[0]!.id }, select: { sha256: true } });
    expect(own).toEqual({ clinicId: a.clinic.id, guideId, sha256: original.sha256 });
    // ...which clinic B cannot see.
    expect(await findGuideImage(b.clinic.id, copied.imageId, { includeDrafts: true })).toBeNull();

    // Importing the same zip again stores nothing.
    const again = await importCommand(file, "--library");
    expect(again.stdout).toContain("version 1 (unchanged: same text and pictures as the latest version)");
    expect(await db.guideImage.count({ where: { guideId: guide.id } })).toBe(1);
  }, 120_000);

  it("refuses a bad zip with the Library's own message, and stores nothing", async () => {
    const title = `Bad Heel ${Date.now()}`;
    const svg = zipFile("bad.zip", {
      "guide.md": strToU8(md(title).replace("heel-raise.png", "heel-raise.svg")),
      "pictures/heel-raise.svg": strToU8('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    await expect(importCommand(svg, "--library")).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('"pictures/heel-raise.svg": SVG drawings are not accepted'),
    });
    // A zip renamed .md is still read as a zip (by its signature), not refused as "not UTF-8 text".
    const renamed = zipFile("renamed.md", { "guide.md": strToU8(md(title)) });
    await expect(importCommand(renamed, "--library")).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('"guide.md": the picture on line 7 is not in the zip'),
    });
    expect(await db.guideVersion.count({ where: { title } })).toBe(0);
  }, 120_000);
});
