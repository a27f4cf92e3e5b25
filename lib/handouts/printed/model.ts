// A handout as it is printed: what the patient reads, decided once (build.ts) from a draft (from-draft.ts) or
// from what a stored handout kept (from-stored.ts). The PDF (lib/pdf) and the patient page (lib/links/page.ts)
// only draw it. Plain data: it is structured-cloned into the render threads, so no functions, no classes.
import type { Block, Reference, SectionKind } from "@/lib/guides/blocks";
import type { PdfImage } from "@/lib/guides/library/images";
import type { ContactSnapshot, OptionsSnapshot } from "@/lib/handouts/snapshots";
import type { ContactLine } from "@/lib/handouts/printed/contact-lines";
import type { NotesBlock } from "@/lib/handouts/printed/notes";

export type { ContactLine, NotesBlock };

/** The print rules it is drawn with (the renderer's LAYOUTS, lib/pdf/types.ts), kept in its options snapshot. */
export type Layout = OptionsSnapshot["layout"];

/** A section as printed. `warning`: it tells the patient when to get help (boxed from layout 2 on). */
export type PrintedSection = {
  key: string;
  title: string;
  kind: SectionKind;
  blocks: Block[];
  citedRefKeys: string[];
  keyPoint?: string | null;
  warning?: boolean;
};

/** The portal's own words around the guide's text, in the handout's language (lib/i18n). */
export type PrintedWords = {
  mainPointsTitle: string;
  notesTitle: string;
  warningLabel: string;
  /** "Questions? Contact <clinic>", above the contact block. */
  contactTitle: string;
  referencesTitle: string;
  logoAlt: string;
};

/** The patient link (/h/<token>) printed with a QR code on page 1, with the line that says what it is. */
export type PrintedLink = { url: string; label: string; alt: string };

export type PrintedBranding = {
  clinicName: string;
  primaryColor: string;
  accentColor: string;
  extraDisclaimer: string | null;
  logoSha256: string | null;
};

export type PrintedHandout = {
  layout: Layout;
  /** BCP 47: its guide variant's when it was made, read back from its options snapshot. The only source. */
  language: string;
  words: PrintedWords;

  // As the clinician and the clinic gave them; the seal covers these (lib/handouts/seal.ts printedRecordOf).
  title: string;
  guideTitle: string;
  /** ISO 8601: when it was made, also the PDF's creation date. */
  createdAt: string;
  preparedFor: string | null;
  /** YYYY-MM-DD. */
  followUpDate: string | null;
  notes: string;
  notesPosition: "TOP" | "END";
  largePrint: boolean;
  pageSize: "LETTER" | "A4";
  contact: ContactSnapshot;
  branding: PrintedBranding;
  /** In printed order: the chosen sections, then the ones always included, disclaimers last. */
  sections: PrintedSection[];
  /** The references the sections cite, in the guide's order. */
  references: Reference[];
  /** The SHA-256 of each picture the sections show, by image id; null when it is not there. */
  pictures: Record<string, string | null>;
  link: PrintedLink | null;

  // Decided from the above, once, for every renderer.
  /** The clinic as the handout names it: its branding snapshot's name, else its contact block's. */
  clinicName: string;
  /** The lines under the title: the date, "Prepared for …", "Follow-up: …". */
  meta: string[];
  /** "The main points": the chosen sections' key points, at most five. */
  mainPoints: string[];
  notesBlocks: NotesBlock[];
  contactLines: ContactLine[];
};

/** The bytes the PDF draws beside the model, never a URL (react-pdf fetches any URL it is given). */
export type PrintAssets = { logoPng: Uint8Array | null; images: Record<string, PdfImage> };

/** What the PDF renderer receives. */
export type HandoutPdfInput = PrintedHandout & PrintAssets;
