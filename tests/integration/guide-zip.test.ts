import { zipSync, strToU8 } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { importGuideZip } from "@/lib/guides/import/zip-import";
import { importOutcome } from "@/lib/guides/import/store";
import { addDraftImage, createGuideDraft, publishGuideDraft, saveGuideDraft } from "@/lib/guides/editor/drafts";
import { getGuide } from "@/lib/guides/library/queries";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { db, act } from "./helpers";

const STRETCH = (picture: string) => `Stand facing a wall.

![A calf stretch against a wall](${picture} "Hold for 30 seconds")`;
const md = (title: string, picture = "images/calf.png", disclaimer = "General advice, not a diagnosis.") => `# ${title}

## Calf Stretch

${STRETCH(picture)}

## Disclaimer

${disclaimer}
`;
const png = (background = "#7a9cc6") =>
  sharp({ create: { width: 800, height: 500, channels: 3, background } })
    .png()
    .toBuffer();

async function counts(clinicId: string) {
  return {
    guides: await db.guide.count({ where: { clinicId } }),
    images: await db.guideImage.count({ where: { clinicId } }),
  };
}

describe("guide zip import", () => {
  it("imports the Markdown and the pictures it names by relative path, as one version", async () => {
    const c = await createClinicWithMembers(db);
    const zip = zipSync({
      "calf/guide.md": strToU8(md(`Calf ${Date.now()}`, "./images/calf.png")),
      "calf/images/calf.png": await png(),
      "calf/images/unused.png": await png(),
    });
    const result = await act(c.admin.id, c.clinic.id, importGuideZip, zip, "calf.zip");
    const guide = await act(c.clinician.id, c.clinic.id, getGuide, result.guideId);
    const figure = guide.sections[0]!.blocks.find((b) => b.type === "image");
    expect(figure).toMatchObject({
      type: "image",
      alt: "A calf stretch against a wall",
      caption: "Hold for 30 seconds",
    });
    // Only the picture the text uses is stored, re-encoded.
    const stored = await db.guideImage.findMany({ where: { clinicId: c.clinic.id } });
    expect(stored.map((i) => [i.id, i.guideId, i.draftId, i.width])).toEqual([
      [figure!.type === "image" ? figure!.imageId : "", result.guideId, null, 800],
    ]);
  });

  it("refuses each bad zip or bad picture in it with a message naming the file, and stores nothing", async () => {
    const c = await createClinicWithMembers(db);
    const good = await png();
    const many: Record<string, Uint8Array> = { "guide.md": strToU8(md("Many")) };
    for (let i = 0; i < 201; i++) many[`images/${i}.png`] = new Uint8Array([i]);
    const svg = strToU8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    // A header claiming a small entry that inflates far bigger: it is unpacked into its declared size only.
    const bombLike = zipSync(
      { "guide.md": strToU8(md("Bomb")), "images/calf.png": new Uint8Array(30 * 1024 * 1024) },
      { level: 9 },
    );
    const cases: [string, Uint8Array, RegExp][] = [
      [
        "outside.zip",
        zipSync({ "guide.md": strToU8(md("Outside", "../calf.png")), "../calf.png": good }),
        /^"\.\.\/calf\.png" points outside the zip/,
      ],
      [
        "absolute.zip",
        zipSync({ "guide.md": strToU8(md("Abs")), "/etc/calf.png": good }),
        /^"\/etc\/calf\.png" points outside the zip/,
      ],
      ["many.zip", zipSync(many), /^"many\.zip" holds 202 files; a guide's zip can hold at most 200/],
      ["big.zip", new Uint8Array(21 * 1024 * 1024), /^"big\.zip" is larger than 20 MB/],
      ["broken.zip", strToU8("PK\u0003\u0004 not really a zip"), /^"broken\.zip" could not be read as a zip file/],
      [
        "svg.zip",
        zipSync({ "guide.md": strToU8(md("Svg", "images/calf.svg")), "images/calf.svg": svg }),
        /^"images\/calf\.svg": SVG drawings are not accepted/,
      ],
      ["zeros.zip", bombLike, /^"images\/calf\.png": The picture is larger than 5 MB/],
      [
        "unpacks-big.zip",
        zipSync(
          Object.fromEntries([
            ["guide.md", strToU8(md("Big"))],
            ...[1, 2, 3, 4, 5].map((i) => [`pad${i}.bin`, new Uint8Array(21 * 1024 * 1024)]),
          ]),
        ),
        /^"unpacks-big\.zip" would unpack to 105 MB/,
      ],
      [
        "truncated.zip",
        zipSync({ "guide.md": strToU8(md("Cut")), "images/calf.png": good.subarray(0, 400) }),
        /^"images\/calf\.png": The image could not be read/,
      ],
      [
        "missing.zip",
        zipSync({ "guide.md": strToU8(md("Missing")) }),
        /^"guide\.md": the picture on line 7 is not in the zip/,
      ],
      ["two.zip", zipSync({ "a.md": strToU8(md("A")), "b.md": strToU8(md("B")) }), /must hold exactly one Markdown/],
    ];
    for (const [name, zip, message] of cases) {
      await expect(act(c.admin.id, c.clinic.id, importGuideZip, zip, name), name).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(message),
      });
    }
    expect(await counts(c.clinic.id)).toEqual({ guides: 0, images: 0 });
    await expect(
      act(
        c.clinician.id,
        c.clinic.id,
        importGuideZip,
        zipSync({ "guide.md": strToU8(md("X")), "images/calf.png": good }),
        "x.zip",
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts(c.clinic.id)).toEqual({ guides: 0, images: 0 });
  }, 60_000);

  it("a zip with an editor-made guide's title becomes its next version, comparing pictures by their bytes: an unchanged section with the same picture is not changed", async () => {
    const c = await createClinicWithMembers(db);
    const title = `Calf Care ${Date.now()}`;
    const picture = await png();
    // Version 1, written in the editor with the same picture uploaded there.
    const { id: draftId } = await act(c.admin.id, c.clinic.id, createGuideDraft);
    const uploaded = await act(c.admin.id, c.clinic.id, addDraftImage, draftId, picture, {
      name: "calf.png",
      type: "image/png",
    });
    const sections = [
      { title: "Calf Stretch", markdown: STRETCH(`image:${uploaded.id}`), required: false, keepUnlocked: false },
      { title: "Disclaimer", markdown: "General advice, not a diagnosis.", required: false, keepUnlocked: false },
    ];
    const saved = await act(c.admin.id, c.clinic.id, saveGuideDraft, {
      draftId,
      revision: 1,
      content: { title, summary: "", source: "", reviewed: "", language: "en", level: "standard", codes: "", sections },
    });
    const v1 = await act(c.admin.id, c.clinic.id, publishGuideDraft, { draftId, revision: saved.revision });
    const imageIds = async () =>
      (
        await db.guideImage.findMany({
          where: { clinicId: c.clinic.id, guideId: v1.guideId },
          orderBy: { createdAt: "asc" },
          select: { id: true },
        })
      ).map((i) => i.id);
    expect(await imageIds()).toEqual([uploaded.id]);

    // The same text and picture in a zip, with a new disclaimer: version 2, only the disclaimer changed.
    const zip = (disclaimer: string, bytes: Uint8Array) =>
      zipSync({ "guide.md": strToU8(md(title, "images/calf.png", disclaimer)), "images/calf.png": bytes });
    const v2 = await act(c.admin.id, c.clinic.id, importGuideZip, zip("Not a diagnosis: ask us.", picture), "calf.zip");
    expect(v2).toMatchObject({ guideId: v1.guideId, version: 2, unchanged: false, stored: 0, reused: 1 });
    expect(importOutcome(v2)).toBe("version");
    const g2 = await act(c.clinician.id, c.clinic.id, getGuide, v1.guideId);
    expect(g2.sections.map((s) => [s.key, s.changed])).toEqual([
      ["calf-stretch", false],
      ["disclaimer", true],
    ]);
    expect(g2.sections[0]!.blocks.find((b) => b.type === "image")).toMatchObject({ imageId: uploaded.id });
    expect(await imageIds()).toEqual([uploaded.id]);

    // The same zip again: nothing new, so no version 3 and no picture stored.
    const again = await act(
      c.admin.id,
      c.clinic.id,
      importGuideZip,
      zip("Not a diagnosis: ask us.", picture),
      "calf.zip",
    );
    expect(again).toMatchObject({ version: 2, unchanged: true, stored: 0 });
    expect(importOutcome(again)).toBe("unchanged");
    expect(await imageIds()).toEqual([uploaded.id]);

    // Another picture under the same name is a change.
    const v3 = await act(
      c.admin.id,
      c.clinic.id,
      importGuideZip,
      zip("Not a diagnosis: ask us.", await png("#c6847a")),
      "calf.zip",
    );
    expect(v3).toMatchObject({ version: 3, stored: 1, reused: 0 });
    const g3 = await act(c.clinician.id, c.clinic.id, getGuide, v1.guideId);
    expect(g3.sections.map((s) => [s.key, s.changed])).toEqual([
      ["calf-stretch", true],
      ["disclaimer", false],
    ]);
    expect(await imageIds()).toHaveLength(2);
    // A new title is a new guide.
    const other = await act(
      c.admin.id,
      c.clinic.id,
      importGuideZip,
      zipSync({ "guide.md": strToU8(md(`${title} at home`)), "images/calf.png": picture }),
      "home.zip",
    );
    expect(importOutcome(other)).toBe("new");
    expect(other.guideId).not.toBe(v1.guideId);
  }, 60_000);
});
