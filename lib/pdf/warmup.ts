import type { HandoutPdfInput } from "@/lib/handouts/printed/model";

// A document rendered when a worker starts, so the first clinician does not pay for loading fonts and the
// layout engine (~0.7 s cold). It touches every face, a logo, a link, a list and a table. Written out as the
// printed model (lib/handouts/printed/model.ts) a handout would have, English words and all.
const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEUlEQVR4nGOQ9euU9etkgFAAGQ4D0Wxb/AkAAAAASUVORK5CYII=";

export const WARMUP_INPUT: HandoutPdfInput = {
  layout: 2,
  language: "en",
  words: {
    mainPointsTitle: "The main points",
    notesTitle: "Notes from your clinician",
    warningLabel: "Get help now",
    contactTitle: "Questions? Contact Clinic",
    referencesTitle: "References",
    logoAlt: "Clinic logo",
  },
  title: "Warm-up",
  guideTitle: "Warm-up",
  createdAt: new Date(0).toISOString(),
  preparedFor: "A",
  followUpDate: null,
  notes: "Warm-up.\n- one",
  notesPosition: "TOP",
  largePrint: false,
  pageSize: "LETTER",
  branding: {
    clinicName: "Clinic",
    primaryColor: "#1d4e89",
    accentColor: "#e8f0f8",
    extraDisclaimer: "Warm-up.",
    logoSha256: null,
  },
  contact: {
    clinicName: "Clinic",
    phone: "1",
    email: "",
    address: "",
    website: "",
    hours: "",
    clinicianName: "",
    credentials: "",
    directPhone: "",
  },
  sections: [
    {
      key: "a",
      title: "Section",
      kind: "content",
      citedRefKeys: ["a"],
      blocks: [
        {
          type: "paragraph",
          children: [
            { type: "text", text: "Text ", bold: true },
            { type: "text", text: "here ", italic: true },
            { type: "text", text: "now", bold: true, italic: true },
          ],
        },
        {
          type: "paragraph",
          children: [
            { type: "link", href: "https://example.org", children: [{ type: "text", text: "link" }] },
            { type: "cite", text: "(A, 2020)", refKey: "a" },
          ],
        },
        {
          type: "list",
          ordered: false,
          items: [{ content: [{ type: "paragraph", children: [{ type: "text", text: "Item" }] }] }],
        },
        {
          type: "table",
          align: [null],
          header: [[{ type: "text", text: "H" }]],
          rows: [[[{ type: "text", text: "C" }]]],
        },
      ],
    },
  ],
  references: [{ key: "a", text: "A. (2020). Reference. https://example.org", url: "https://example.org" }],
  pictures: {},
  link: null,
  clinicName: "Clinic",
  meta: ["January 1, 1970", "Prepared for A"],
  mainPoints: [],
  notesBlocks: [
    { type: "paragraph", lines: ["Warm-up."] },
    { type: "bullets", items: ["one"] },
  ],
  contactLines: [{ label: "Phone", text: "1", href: "tel:1" }],
  logoPng: new Uint8Array(Buffer.from(TINY_PNG, "base64")),
  images: {},
};

// One render loads everything, but the JIT needs about ten more on a multi-page document before renders
// reach their steady speed (measured with tests/bench/pdf.ts: ~250 ms, then ~150, then ~80 ms from the
// tenth on). So the warm-up renders a few pages' worth of the document above, several times.
const LONG_WARMUP_INPUT: HandoutPdfInput = {
  ...WARMUP_INPUT,
  sections: Array.from({ length: 12 }, (_, i) => ({
    ...WARMUP_INPUT.sections[0]!,
    key: `s${i}`,
    title: `Section ${i + 1}`,
  })),
};
export const WARMUP_RENDERS = 10;

export async function warmUp(render: (input: HandoutPdfInput) => Promise<unknown>): Promise<void> {
  await render(WARMUP_INPUT);
  for (let i = 1; i < WARMUP_RENDERS; i++) await render(LONG_WARMUP_INPUT);
}
