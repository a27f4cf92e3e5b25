import { describe, expect, it } from "vitest";
import { renderHandoutPdf } from "@/lib/pdf/render";
import { CURRENT_LAYOUT } from "@/lib/pdf/types";
import { contentFingerprint } from "@/tests/support/pdf-tools";
import { guideInput, parseGuideFile } from "@/tests/support/sample-handout";

// A stored handout renders again exactly as it was printed (tests/integration/rerender.test.ts), so a print
// rule that moves anything is a new layout and layout 1 must keep printing what it printed before layout 2
// existed. These fingerprints were taken from renders made before layout 2 was written (the same inputs, in
// the code of commit 62f5126); a change that moves anything in layout 1 breaks every stored handout's
// re-render. They are of the uncompressed PDF (contentFingerprint), so they hold on any machine.
const LAYOUT_1 = [
  [
    "tests/fixtures/guides/knee-replacement-recovery.md",
    "LETTER",
    false,
    "TOP",
    "1a4bbc39a41b286c6b9b2d7d95d98a129ab992711f92d5abab4ab12273f0db83",
  ],
  [
    "tests/fixtures/guides/knee-replacement-recovery.md",
    "A4",
    true,
    "END",
    "1bfb15a1e88d0c8ee682ec2ef101af1de52a7e63677f195b926e471fcaffdfe1",
  ],
  [
    "tests/fixtures/guides/diabetes-daily-care.md",
    "LETTER",
    true,
    "TOP",
    "e0970b8589b60d006469d112332ba1c424a037cc4f85984729696425a91dfb10",
  ],
  [
    "tests/fixtures/guides/diabetes-daily-care.md",
    "A4",
    false,
    "TOP",
    "8c1e011d142cdbb3c5941c58312ca85d0fa55b76fd5d5d6b78670a139e5e6fc4",
  ],
  [
    "tests/fixtures/guides/heart-attack-going-home.md",
    "LETTER",
    false,
    "TOP",
    "70d586c8e07790e0a29d75f712d3f0c69696afd9de4f835f8d29880eceac92cb",
  ],
  [
    "tests/fixtures/guides/heart-attack-going-home.md",
    "A4",
    true,
    "END",
    "9fb40f977cdc14bee277073de69932623133adc2ce741cc6b1d5532a6986ab3f",
  ],
  [
    "prisma/seed/guides/back-spasms.md",
    "A4",
    false,
    "TOP",
    "334283564515a7c180c6245ff9787479a557e03a557d00242b8e93cee50f754b",
  ],
  [
    "prisma/seed/guides/back-spasms.md",
    "LETTER",
    false,
    "END",
    "81799ab2b8ce6f18f97a99dc459fc6158b4881647d468303f3c0149b47766db4",
  ],
] as const;

describe("print layouts", () => {
  it.each(LAYOUT_1)(
    "layout 1 prints %s (%s, large print %s, notes %s) as it did before layout 2",
    async (file, pageSize, largePrint, notesPosition, fingerprint) => {
      const input = guideInput(parseGuideFile(file), { pageSize, largePrint, notesPosition, layout: 1 });
      expect(contentFingerprint((await renderHandoutPdf(input)).bytes)).toBe(fingerprint);
    },
    30_000,
  );

  it("the current layout is 2, and it moves what layout 1 printed (so the fingerprints above guard something)", async () => {
    expect(CURRENT_LAYOUT).toBe(2);
    const [file, pageSize, largePrint, notesPosition, fingerprint] = LAYOUT_1[0];
    const input = guideInput(parseGuideFile(file), { pageSize, largePrint, notesPosition });
    expect(contentFingerprint((await renderHandoutPdf(input)).bytes)).not.toBe(fingerprint);
  }, 30_000);
});
