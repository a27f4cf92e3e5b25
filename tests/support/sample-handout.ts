// A full back-spasms handout input, parsed from the seed guide: used by the PDF tests and the benchmark.
import fs from "node:fs";
import path from "node:path";
import { parseGuideMarkdown, type ParsedGuide } from "@/lib/guides/import/parse-markdown";
import { printedFromDraft, type PrintedChoices } from "@/lib/handouts/printed/from-draft";
import type { BrandingSnapshot } from "@/lib/handouts/snapshots";
import type { HandoutPdfInput, Layout, PrintAssets } from "@/lib/handouts/printed/model";
import { CURRENT_LAYOUT } from "@/lib/pdf/types";

/** A guide file parsed as the importer does (a path from the project folder). */
export function parseGuideFile(file: string) {
  const parsed = parseGuideMarkdown(fs.readFileSync(path.join(process.cwd(), file)));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.guide;
}

export const backSpasmsGuide = () => parseGuideFile("prisma/seed/guides/back-spasms.md");

/**
 * What a test may change of the sample handout: the builder's fields, the clinic's branding, the language
 * (else the guide variant's), the layout (else the current one), when it was made, its link and the bytes drawn.
 */
export type SampleOptions = Partial<Omit<PrintedChoices, "sectionKeys" | "contact">> & {
  contact?: Partial<PrintedChoices["contact"]>;
} & Partial<Omit<BrandingSnapshot, "logoSha256">> & {
    language?: string;
    layout?: Layout;
    createdAt?: string;
    link?: string;
  } & Partial<PrintAssets>;

export function sampleInput(options: SampleOptions = {}, chosenKeys?: string[]): HandoutPdfInput {
  return guideInput(backSpasmsGuide(), options, chosenKeys);
}

/** A handout of `guide` (every content section unless chosen) for the demo clinic, as the builder makes one. */
export function guideInput(guide: ParsedGuide, o: SampleOptions = {}, chosenKeys?: string[]): HandoutPdfInput {
  const keys = chosenKeys ?? guide.sections.filter((s) => s.kind === "content").map((s) => s.key);
  return printedFromDraft(
    {
      title: o.title ?? guide.title,
      sectionKeys: keys,
      notes:
        o.notes ??
        "Walk 10 minutes twice a day.\n- Heat pack for 15 minutes before stretching\n- Call us if the pain spreads down your leg",
      preparedFor: o.preparedFor ?? "Jo",
      followUpDate: o.followUpDate ?? "2026-12-09",
      largePrint: o.largePrint ?? false,
      contact: {
        clinicName: "Riverside Spine & Wellness",
        phone: "(555) 010-2400",
        email: "frontdesk@riverside-spine.example",
        address: "120 River Road, Suite 4, Springfield",
        website: "https://riverside-spine.example",
        hours: "Mon–Fri 8am–6pm",
        clinicianName: "Sam Patel",
        credentials: "PT, DPT",
        directPhone: "(555) 010-9999",
        ...o.contact,
      },
    },
    {
      title: guide.title,
      language: o.language ?? guide.variant.language,
      sections: guide.sections.map((s) => ({ ...s, lockReason: s.lock })),
      references: guide.references,
    },
    {
      clinicName: o.clinicName ?? "Riverside Spine & Wellness",
      primaryColor: o.primaryColor ?? "#1d4e89",
      accentColor: o.accentColor ?? "#e8f0f8",
      extraDisclaimer: o.extraDisclaimer ?? null,
      pageSize: o.pageSize ?? "LETTER",
      notesPosition: o.notesPosition ?? "TOP",
      logoSha256: null,
    },
    {
      createdAt: new Date(o.createdAt ?? "2026-11-25T10:00:00.000Z"),
      layout: o.layout ?? CURRENT_LAYOUT,
      link: o.link ? { url: o.link } : null,
      assets: { logoPng: o.logoPng ?? null, images: o.images ?? {} },
    },
  );
}

/** What clinicians in a US clinic type, one sample per script (tests/unit/pdf/scripts.test.ts, the benchmark). */
export const SCRIPT_SAMPLES = {
  latin: "Café naïve façade",
  greek: "Ελληνικά",
  cyrillic: "Русский",
  arabic: "مرحبا بك",
  hebrew: "שלום",
  vietnamese: "Tiếng Việt",
  simplified: "背痛 简体",
  traditional: "背痛 繁體 醫生",
  japanese: "日本語 ひらがな カタカナ",
  korean: "한국어",
  emoji: "👍 😀",
};
