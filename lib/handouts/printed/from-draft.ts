import crypto from "node:crypto";
import type { Reference } from "@/lib/guides/blocks";
import type { VersionSection } from "@/lib/guides/library/versions";
import type { HandoutDraft } from "@/lib/handouts/schemas";
import type { BrandingSnapshot } from "@/lib/handouts/snapshots";
import { printedHandout, printedSection } from "@/lib/handouts/printed/build";
import { selectSections } from "@/lib/handouts/printed/sections";
import type { HandoutPdfInput, Layout, PrintAssets } from "@/lib/handouts/printed/model";

/** What a handout prints of the builder's form. */
export type PrintedChoices = Pick<
  HandoutDraft,
  "title" | "sectionKeys" | "notes" | "preparedFor" | "followUpDate" | "largePrint" | "contact"
>;

/** The guide version a draft is made from (lib/guides/library/versions.ts getGuideVersion): its variant's language with it. */
export type DraftVersion = {
  title: string;
  language: string;
  sections: Pick<
    VersionSection,
    "key" | "title" | "kind" | "required" | "lockReason" | "redFlag" | "blocks" | "citedRefKeys" | "keyPoint"
  >[];
  references: Reference[];
};

const sha256 = (data: Uint8Array) => crypto.createHash("sha256").update(data).digest("hex");

/**
 * A draft as it prints now: the chosen sections in order plus every required one, in the clinic's branding,
 * with the bytes the PDF draws. The handout's language is its guide variant's, stored with it when it is
 * generated. The logo's and pictures' SHA-256 come from the very bytes drawn, so the seal covers them.
 */
export function printedFromDraft(
  draft: PrintedChoices,
  version: DraftVersion,
  clinic: BrandingSnapshot,
  made: { createdAt: Date; layout: Layout; link: { url: string } | null; assets: PrintAssets },
): HandoutPdfInput {
  const { logoPng, images } = made.assets;
  const printed = printedHandout({
    layout: made.layout,
    language: version.language,
    title: draft.title,
    guideTitle: version.title,
    createdAt: made.createdAt.toISOString(),
    preparedFor: draft.preparedFor || null,
    followUpDate: draft.followUpDate || null,
    notes: draft.notes,
    notesPosition: clinic.notesPosition,
    largePrint: draft.largePrint,
    pageSize: clinic.pageSize,
    contact: draft.contact,
    branding: {
      clinicName: clinic.clinicName,
      primaryColor: clinic.primaryColor,
      accentColor: clinic.accentColor,
      extraDisclaimer: clinic.extraDisclaimer,
      logoSha256: logoPng ? sha256(logoPng) : null,
    },
    sections: selectSections(version.sections, draft.sectionKeys).map(printedSection),
    references: version.references,
    pictures: Object.fromEntries(Object.entries(images).map(([id, image]) => [id, sha256(image.data)])),
    link: made.link,
  });
  return { ...printed, logoPng, images };
}
