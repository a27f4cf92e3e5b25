// A full back-spasms handout input, parsed from the seed guide: used by the PDF tests and the benchmark.
import fs from "node:fs";
import path from "node:path";
import { parseGuideMarkdown, type ParsedGuide } from "@/lib/guides/parse-markdown";
import { isWarningSection } from "@/lib/guides/red-flags";
import { selectSections } from "@/lib/pdf/select-sections";
import type { HandoutPdfInput } from "@/lib/pdf/types";

/** A guide file parsed as the importer does (a path from the project folder). */
export function parseGuideFile(file: string) {
  const parsed = parseGuideMarkdown(fs.readFileSync(path.join(process.cwd(), file)));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.guide;
}

export const backSpasmsGuide = () => parseGuideFile("prisma/seed/guides/back-spasms.md");

export function sampleInput(overrides: Partial<HandoutPdfInput> = {}, chosenKeys?: string[]): HandoutPdfInput {
  return guideInput(backSpasmsGuide(), overrides, chosenKeys);
}

/** A handout of `guide` (every content section unless chosen) for the demo clinic, as the builder makes one. */
export function guideInput(guide: ParsedGuide, overrides: Partial<HandoutPdfInput> = {}, chosenKeys?: string[]): HandoutPdfInput {
  const keys = chosenKeys ?? guide.sections.filter((s) => s.kind === "content").map((s) => s.key);
  return {
    title: guide.title,
    guideTitle: guide.title,
    createdAt: "2026-11-25T10:00:00.000Z",
    preparedFor: "Jo",
    followUpDate: "2026-12-09",
    notes: "Walk 10 minutes twice a day.\n- Heat pack for 15 minutes before stretching\n- Call us if the pain spreads down your leg",
    notesPosition: "TOP",
    largePrint: false,
    pageSize: "LETTER",
    branding: { clinicName: "Riverside Spine & Wellness", primaryColor: "#1d4e89", accentColor: "#e8f0f8", logoPng: null, extraDisclaimer: null },
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
    },
    sections: selectSections(guide.sections, keys).map((s) => ({ ...s, warning: isWarningSection({ ...s, lockReason: s.lock }) })),
    references: guide.references,
    ...overrides,
  };
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
