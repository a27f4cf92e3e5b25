import fs from "node:fs";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Block } from "@/lib/guides/blocks";
import { renderHandoutPdf } from "@/lib/pdf/render";
import { sampleInput } from "@/tests/support/sample-handout";
import { pdfimagesList, pdftotext } from "@/tests/support/pdf-tools";
import { flatten, readStructure } from "@/tests/support/pdf-structure";

// A guide's pictures in the printed handout: at column width with the caption below, kept together, at
// least 150 dpi where placed, tagged as a Figure with its description.
const photo = async (width: number, height: number) =>
  new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: "#7a9cc6" } })
      .jpeg()
      .toBuffer(),
  );

let wide: Uint8Array;
let small: Uint8Array;
beforeAll(async () => {
  wide = await photo(1600, 1000);
  small = await photo(300, 200);
});

const figure = (imageId: string, caption: string | null): Block => ({
  type: "image",
  imageId,
  alt: `Photo ${imageId}: a calf stretch against a wall`,
  caption,
});
const withImages = (largePrint: boolean) => {
  const base = sampleInput({ largePrint }, ["symptoms"]);
  const blocks: Block[] = [
    { type: "paragraph", children: [{ type: "text", text: "Stand facing a wall." }] },
    figure("wide", "Hold for 30 seconds, then switch legs."),
    figure("small", null),
  ];
  return {
    ...base,
    sections: [
      { key: "stretch", title: "Calf Stretch", kind: "content" as const, blocks, citedRefKeys: [] },
      ...base.sections,
    ],
    images: {
      wide: { data: wide, format: "jpg" as const, width: 1600, height: 1000 },
      small: { data: small, format: "jpg" as const, width: 300, height: 200 },
    },
  };
};

describe("pictures in the PDF", () => {
  it.each([false, true])(
    "prints each picture at >= 150 dpi, the wide one across the column, with its caption and alt text (large print %s)",
    async (largePrint) => {
      const { bytes } = await renderHandoutPdf(withImages(largePrint));
      fs.mkdirSync("test-results/pdf", { recursive: true });
      fs.writeFileSync(`test-results/pdf/figures${largePrint ? "-large" : ""}.pdf`, bytes);
      const images = pdfimagesList(bytes).filter((i) => i.type === "image");
      const photo1600 = images.find((i) => i.width === 1600)!;
      const photo300 = images.find((i) => i.width === 300)!;
      // A Letter column is 512 pt (7.1 in): 1600 px across it is 225 dpi, in large print too.
      expect(photo1600.xPpi).toBeGreaterThanOrEqual(150);
      expect(photo1600.xPpi).toBeLessThan(240);
      // Too few pixels for the column: placed narrower rather than printed blurred.
      expect(photo300.xPpi).toBeGreaterThanOrEqual(150);
      expect(pdftotext(bytes).replace(/\s+/g, " ")).toContain("Hold for 30 seconds, then switch legs.");
      const figures = flatten(readStructure(bytes).root!)
        .filter((e) => e.role === "Figure")
        .map((f) => f.alt);
      expect(figures).toContain("Photo wide: a calf stretch against a wall");
      expect(figures).toContain("Photo small: a calf stretch against a wall");
      const captions = flatten(readStructure(bytes).root!).filter((e) => e.role === "Caption");
      expect(captions.map((c) => c.text.replace(/\s+/g, " ").trim())).toEqual([
        "Hold for 30 seconds, then switch legs.",
      ]);
    },
    30_000,
  );

  it("prints the description of a picture whose bytes did not arrive instead of dropping it", async () => {
    const { bytes } = await renderHandoutPdf({ ...withImages(false), images: {} });
    expect(pdftotext(bytes).replace(/\s+/g, " ")).toContain("[Picture: Photo wide: a calf stretch against a wall]");
  }, 30_000);
});
