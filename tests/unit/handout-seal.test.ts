import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/canonical-json";
import { checkSeal, printedRecordOf, sealOf, type PrintedRecord } from "@/lib/handouts/seal";
import { readBranding, readContact, readOptions } from "@/lib/handouts/snapshots";
import { printedFromDraft } from "@/lib/handouts/printed/from-draft";
import { printedFromStored } from "@/lib/handouts/printed/from-stored";

const t = (text: string) => ({ type: "text" as const, text });

function record(): PrintedRecord {
  return {
    title: "Back spasms",
    guideTitle: "Treating Back Spasms",
    createdAt: "2026-12-01T10:00:00.000Z",
    preparedFor: "Jo",
    followUpDate: "2027-01-15",
    notes: "Walk daily.",
    sections: [
      {
        key: "treatment",
        title: "Treatment",
        kind: "content",
        blocks: [
          { type: "paragraph", children: [t("Rest "), { type: "cite", text: "(Smith, 2021)", refKey: "smith-2021" }] },
        ],
        citedRefKeys: ["smith-2021"],
        keyPoint: "Keep moving.",
      },
      {
        key: "stretch",
        title: "Stretch",
        kind: "content",
        blocks: [{ type: "image", imageId: "img1", alt: "A calf stretch", caption: null }],
        citedRefKeys: [],
      },
      {
        key: "disclaimer",
        title: "Disclaimer",
        kind: "disclaimer",
        blocks: [{ type: "paragraph", children: [t("Not advice.")] }],
        citedRefKeys: [],
      },
    ],
    references: [
      { key: "smith-2021", text: "Smith, J. (2021). Back pain.", url: null },
      { key: "lee-2019", text: "Lee, K. (2019). Not cited here.", url: "https://example.org/lee" },
    ],
    contact: readContact({ clinicName: "Riverside", phone: "(555) 010-0000" }),
    options: readOptions({ language: "en", notesPosition: "TOP" }),
    branding: readBranding({ clinicName: "Riverside", logoSha256: "f".repeat(64) }),
    pictures: { img1: "e".repeat(64) },
  };
}

describe("the handout seal", () => {
  it("writes JSON canonically: keys sorted at every depth, array order kept, undefined members left out", () => {
    expect(canonicalJson({ b: 1, a: [{ z: "x", y: null }, 2], c: undefined })).toBe(
      '{"a":[{"y":null,"z":"x"},2],"b":1}',
    );
    expect(canonicalJson({ a: { c: 1, b: 2 } })).toBe(canonicalJson(JSON.parse('{"a":{"b":2,"c":1}}')));
  });

  it("is version 1's fixed form: a change to it would fail every stored seal, so it must come as a new version", () => {
    // Computed apart from this code, from the form documented at sealOf (Python's json.dumps with sorted keys).
    expect(sealOf(record())).toBe("e1f052e95328b97a7b61be91940e9a973fecc8adcfb4516cd967d881ee6c5288");
  });

  it("does not depend on the order jsonb gives a block's keys in", () => {
    const reordered = record();
    reordered.sections[0]!.blocks = JSON.parse(
      '[{"children":[{"text":"Rest ","type":"text"},{"refKey":"smith-2021","text":"(Smith, 2021)","type":"cite"}],"type":"paragraph"}]',
    );
    expect(sealOf(reordered)).toBe(sealOf(record()));
  });

  it("changes with anything the handout prints, and only with that", () => {
    const base = sealOf(record());
    const changes: [string, (r: PrintedRecord) => void][] = [
      ["title", (r) => (r.title = "Back spasms!")],
      ["a section's text", (r) => (r.sections[2]!.blocks = [{ type: "paragraph", children: [t("Medical advice.")] }])],
      ["a section left out", (r) => r.sections.splice(0, 1)],
      ["the order", (r) => r.sections.reverse()],
      ["a key point", (r) => (r.sections[0]!.keyPoint = null)],
      ["a cited reference", (r) => (r.references[0]!.text = "Smith, J. (2022). Back pain.")],
      ["a picture", (r) => (r.pictures.img1 = "d".repeat(64))],
      ["a missing picture", (r) => (r.pictures = {})],
      ["the logo", (r) => (r.branding.logoSha256 = null)],
      ["the contact block", (r) => (r.contact.phone = "(555) 010-9999")],
      ["the print size", (r) => (r.options.largePrint = true)],
      ["the notes", (r) => (r.notes = "Walk daily!")],
      ["the guide's title", (r) => (r.guideTitle = "Back Spasms")],
      ["when it was made", (r) => (r.createdAt = "2026-12-01T10:00:00.001Z")],
    ];
    for (const [what, change] of changes) {
      const r = record();
      change(r);
      expect(sealOf(r), what).not.toBe(base);
      expect(checkSeal(r, { version: 1, sha256: base }), what).toBe("mismatch");
    }
    // A reference no chosen section cites is printed nowhere.
    const uncited = record();
    uncited.references[1]!.text = "Changed";
    expect(sealOf(uncited)).toBe(base);
    expect(checkSeal(record(), { version: 1, sha256: base })).toBe("verified");
    expect(checkSeal(record(), { version: 2, sha256: base })).toBe("mismatch");
    expect(checkSeal(record(), null)).toBe("unsealed");
  });

  // A handout as Generate makes it, from record()'s fields, with a logo and a picture drawn from bytes.
  const logo = new Uint8Array([1, 2, 3]);
  const picture = new Uint8Array([4, 5, 6]);
  const sha = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");
  const version = () => {
    const r = record();
    return {
      title: r.guideTitle,
      language: "en",
      sections: r.sections.map((s) => ({
        ...s,
        keyPoint: s.keyPoint ?? null,
        required: false,
        lockReason: null,
        redFlag: false,
      })),
      references: r.references,
    };
  };
  const generated = () => {
    const r = record();
    const choices = {
      title: r.title,
      sectionKeys: r.sections.map((s) => s.key),
      notes: r.notes,
      preparedFor: r.preparedFor!,
      followUpDate: r.followUpDate!,
      largePrint: false,
      contact: r.contact,
    };
    return printedFromDraft(choices, version(), r.branding, {
      createdAt: new Date(r.createdAt),
      layout: 2,
      link: { url: "https://handouts.example/h/x" },
      assets: { logoPng: logo, images: { img1: { data: picture, format: "png", width: 1, height: 1 } } },
    });
  };

  it("seals a new handout from the bytes its PDF drew: the logo's and each picture's SHA-256", () => {
    const r = record();
    const printed = printedRecordOf(generated());
    expect(printed.branding.logoSha256).toBe(sha(logo));
    expect(printed.pictures).toEqual({ img1: sha(picture) });
    expect(sealOf(printed)).toBe(
      sealOf({ ...r, branding: { ...r.branding, logoSha256: sha(logo) }, pictures: { img1: sha(picture) } }),
    );
  });

  it("seals a stored handout read back as it was sealed when it was made", () => {
    const made = generated();
    // The row Generate writes, its JSON through a database's round trip, and what was kept beside the bytes.
    const row = JSON.parse(
      JSON.stringify({
        title: made.title,
        sectionKeys: made.sections.map((s) => s.key),
        notes: made.notes,
        preparedFor: made.preparedFor,
        contact: made.contact,
        options: {
          largePrint: made.largePrint,
          notesPosition: made.notesPosition,
          pageSize: made.pageSize,
          language: made.language,
          layout: made.layout,
        },
        branding: { ...record().branding, logoSha256: sha(logo) },
      }),
    );
    const stored = printedFromStored(
      { ...row, followUpDate: new Date(`${made.followUpDate}T00:00:00Z`), createdAt: new Date(made.createdAt) },
      version(),
      { pictures: { img1: sha(picture) }, link: null },
    );
    expect(sealOf(printedRecordOf(stored))).toBe(sealOf(printedRecordOf(made)));
    expect({ ...stored, link: made.link }).toEqual((({ logoPng: _l, images: _i, ...printed }) => printed)(made));
  });
});
