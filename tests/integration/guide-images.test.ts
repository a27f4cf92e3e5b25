import crypto from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { addDraftImage, createGuideDraft, publishGuideDraft, saveGuideDraft } from "@/lib/guides/editor/drafts";
import { findSectionImages } from "@/lib/guides/library/images";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { bombPng } from "@/tests/support/png";
import { db, act } from "./helpers";

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#1d4e89" } })
    .png()
    .toBuffer();
const noisyPng = (w: number, h: number) =>
  sharp(crypto.randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();

describe("guide pictures", () => {
  it("refuses each bad picture with a message naming the file, and stores nothing", async () => {
    const c = await createClinicWithMembers(db);
    const { id: draftId } = await act(c.admin.id, c.clinic.id, createGuideDraft);
    const good = await png(200, 100);
    const jpeg = await sharp({ create: { width: 200, height: 100, channels: 3, background: "#2f6b3a" } })
      .jpeg()
      .toBuffer();
    const bad: [string, Buffer, RegExp][] = [
      [
        "drawing.svg",
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        /SVG drawings are not accepted: save it as a PNG or JPEG picture/,
      ],
      [
        "page.png",
        Buffer.concat([good, Buffer.from("<html><script>alert(1)</script></html>")]),
        /holds something besides the picture/,
      ],
      [
        "zipped.jpg",
        Buffer.concat([jpeg, Buffer.from("PK\x03\x04 a second file")]),
        /holds something besides the picture/,
      ],
      [
        "comment.jpg",
        Buffer.concat([
          jpeg.subarray(0, 2),
          Buffer.from([0xff, 0xfe, 0x00, 0x20]),
          Buffer.from("<script>alert(1)</script>    "),
          jpeg.subarray(2),
        ]),
        /holds something besides the picture/,
      ],
      ["bomb.png", bombPng(30000, 30000), /could not be read|at most 6000×6000/],
      ["huge.png", await png(6500, 100), /at most 6000×6000/],
      ["big.png", await noisyPng(1400, 1400), /larger than 5 MB/],
      ["cut.png", (await noisyPng(300, 300)).subarray(0, 20_000), /could not be read/],
      [
        "notes.png",
        Buffer.from("just some text, not an image"),
        /This file is named or labelled as a PNG picture, but it is not one \(it holds text\)/,
      ],
      ["renamed.jpg", good, /named or labelled as JPEG but contains a PNG/],
    ];
    for (const [name, bytes, message] of bad) {
      const refused = act(c.admin.id, c.clinic.id, addDraftImage, draftId, bytes, { name });
      await expect(refused, name).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(new RegExp(`^"${name.replace(".", "\\.")}": .*${message.source}`)),
      });
    }
    expect(await db.guideImage.count({ where: { clinicId: c.clinic.id } })).toBe(0);
  }, 60_000);

  it("stores a picture re-encoded at most 1600 px wide without its metadata, and hands it to the PDF once published", async () => {
    const c = await createClinicWithMembers(db);
    const { id: draftId } = await act(c.admin.id, c.clinic.id, createGuideDraft);
    const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#7a9cc6" } })
      .webp()
      .withExif({ IFD0: { Artist: "Patient Jane Doe", Copyright: "GPS 51.5,-0.1" } })
      .toBuffer();
    const image = await act(c.admin.id, c.clinic.id, addDraftImage, draftId, photo, {
      name: "stretch.webp",
      type: "image/webp",
    });
    const stored = await db.guideImage.findUniqueOrThrow({ where: { id: image.id } });
    expect(stored).toMatchObject({ format: "jpeg", width: 1600, height: 1067, draftId });
    const meta = await sharp(Buffer.from(stored.data)).metadata();
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(stored.data).includes("Jane Doe")).toBe(false);
    await expect(
      db.guideImage.update({ where: { id: image.id }, data: { data: new Uint8Array([1, 2, 3]) } }),
    ).rejects.toThrow();

    const content = {
      title: `Calf ${Date.now()}`,
      summary: "",
      source: "",
      reviewed: "",
      language: "en",
      level: "standard" as const,
      codes: "",
      sections: [
        {
          title: "Stretch",
          markdown: `Stand facing a wall.\n\n![A calf stretch against a wall](image:${image.id} "Hold for 30 seconds")`,
          required: false,
          keepUnlocked: false,
        },
        { title: "Disclaimer", markdown: "General advice.", required: false, keepUnlocked: false },
      ],
    };
    const saved = await act(c.admin.id, c.clinic.id, saveGuideDraft, { draftId, revision: 1, content });
    const published = await act(c.admin.id, c.clinic.id, publishGuideDraft, { draftId, revision: saved.revision });
    expect(await db.guideImage.findUniqueOrThrow({ where: { id: image.id } })).toMatchObject({
      draftId: null,
      guideId: published.guideId,
    });
    const sections = await db.section.findMany({
      where: { version: { guideId: published.guideId } },
      select: { blocks: true },
    });
    const forPdf = await findSectionImages(c.clinic.id, sections as never);
    expect(Object.keys(forPdf)).toEqual([image.id]);
    const other = await createClinicWithMembers(db);
    expect(await findSectionImages(other.clinic.id, sections as never)).toEqual({});
  }, 60_000);
});
