import type { Block, Reference } from "@/lib/guides/blocks";

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
  // Already chosen and ordered by the caller; required sections (the disclaimer) included.
  sections: { key: string; title: string; kind: "content" | "references" | "disclaimer"; blocks: Block[]; citedRefKeys: string[]; keyPoint?: string | null }[];
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
