import type { Block, Reference, SectionKind } from "@/lib/guides/blocks";
import { readBranding, readContact, readOptions } from "@/lib/handouts/snapshots";
import { printedHandout, printedSection } from "@/lib/handouts/printed/build";
import type { PrintedHandout } from "@/lib/handouts/printed/model";

/** A stored handout's row, its JSON snapshots as stored. */
export type StoredRow = {
  title: string;
  sectionKeys: string[];
  notes: string;
  preparedFor: string | null;
  followUpDate: Date | null;
  createdAt: Date;
  contact: unknown;
  options: unknown;
  branding: unknown;
};

/** Its guide version (immutable), the blocks already read (lib/guides/blocks.ts readBlocks). */
export type StoredVersion = {
  title: string;
  sections: {
    key: string;
    title: string;
    kind: SectionKind;
    blocks: Block[];
    citedRefKeys: string[];
    keyPoint: string | null;
    lockReason: string | null;
    redFlag: boolean;
    required: boolean;
  }[];
  references: Reference[];
};

/**
 * A stored handout as it printed, from what it kept: its own row, its snapshots read through their schemas
 * (defaults for fields added later: a row from before the language was kept is English, from before layouts
 * were numbered layout 1), its guide version's sections in the order it stored (a key the version no longer
 * has is left out), the SHA-256 kept beside each picture, and its link's address (none where it is not
 * printed).
 */
export function printedFromStored(
  row: StoredRow,
  version: StoredVersion,
  kept: { pictures: Record<string, string | null>; link: { url: string } | null },
): PrintedHandout {
  const options = readOptions(row.options);
  const branding = readBranding(row.branding);
  const byKey = new Map(version.sections.map((s) => [s.key, s]));
  return printedHandout({
    layout: options.layout,
    language: options.language,
    title: row.title,
    guideTitle: version.title,
    createdAt: row.createdAt.toISOString(),
    preparedFor: row.preparedFor || null,
    followUpDate: row.followUpDate?.toISOString().slice(0, 10) ?? null,
    notes: row.notes,
    notesPosition: options.notesPosition,
    largePrint: options.largePrint,
    pageSize: options.pageSize,
    contact: readContact(row.contact),
    branding: {
      clinicName: branding.clinicName,
      primaryColor: branding.primaryColor,
      accentColor: branding.accentColor,
      extraDisclaimer: branding.extraDisclaimer,
      logoSha256: branding.logoSha256,
    },
    sections: row.sectionKeys.flatMap((key) => {
      const s = byKey.get(key);
      return s ? [printedSection(s)] : [];
    }),
    references: version.references,
    pictures: kept.pictures,
    link: kept.link,
  });
}
