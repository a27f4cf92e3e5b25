import type { Block, Reference } from "@/lib/guides/blocks";

/**
 * The print layout rules a handout is drawn with. A stored handout renders again byte for byte from what it
 * stored (lib/handouts/stored-input.ts), so a rule that moves anything on the page is a new layout, and each
 * handout keeps the one it was printed with (its options snapshot; rows from before layouts were numbered
 * read as 1). 1: the first print rules. 2: warning-sign sections boxed, labelled and kept on one page when
 * they fit; the contact block may end a page apart from the references and disclaimer that follow it.
 */
export const LAYOUTS = [1, 2] as const;
export type Layout = (typeof LAYOUTS)[number];
export const CURRENT_LAYOUT: Layout = 2;

/**
 * Everything one handout PDF needs, as plain data: it crosses into the render worker threads, so it must
 * survive structured cloning (no class instances, no functions). Empty strings mean "leave out".
 */
export type HandoutPdfInput = {
  title: string;
  guideTitle: string;
  /** The language of the handout's text (BCP 47, e.g. "es"): the PDF's /Lang. English when absent. */
  language?: string;
  createdAt: string;
  preparedFor: string | null;
  followUpDate: string | null;
  notes: string;
  notesPosition: "TOP" | "END";
  largePrint: boolean;
  pageSize: "LETTER" | "A4";
  branding: { clinicName: string; primaryColor: string; accentColor: string; logoPng: Uint8Array | null; extraDisclaimer: string | null };
  contact: {
    clinicName: string;
    phone: string;
    email: string;
    address: string;
    website: string;
    hours: string;
    clinicianName: string;
    credentials: string;
    directPhone: string;
  };
  /** The print layout (see LAYOUTS); the current one when absent. */
  layout?: Layout;
  // Already chosen and ordered by the caller; required sections (the disclaimer) included. `warning`: the
  // section tells the patient when to get help (lib/guides/red-flags.ts isWarningSection), from layout 2 on.
  sections: { key: string; title: string; kind: "content" | "references" | "disclaimer"; blocks: Block[]; citedRefKeys: string[]; keyPoint?: string | null; warning?: boolean }[];
  // All references of the guide version; the document lists only those the sections cite.
  references: Reference[];
  // The handout's patient link (/h/<token>): printed with a QR code on page 1; null when it has none.
  link?: { url: string } | null;
  // The bytes of the pictures the sections show, by image id (lib/guides/images.ts): never a URL.
  images?: Record<string, { data: Uint8Array; format: "png" | "jpg"; width: number; height: number }>;
};

// `pages`: how many pages the handout has, even when only the first was drawn (RenderOptions.firstPageOnly).
export type RenderedPdf = { bytes: Buffer; pages: number; sha256: string };

// The builder's preview shows page 1 until "Show all N pages" is asked for: the whole document is laid out
// (so the page count and page 1 are exactly the handout's) but only page 1 is drawn, subset and written.
export type RenderOptions = { firstPageOnly?: boolean };
