// The seal of a handout: one SHA-256 over everything it prints, kept beside it in HandoutSeal. Most of a
// handout lives outside its own immutable row (its guide version's sections and references, the pictures,
// the logo), so the patient page recomputes the seal from what it is about to show and shows nothing when
// the two differ. One pure function for the writer (createHandout), the backfill and the page.
import crypto from "node:crypto";
import { imageIdsIn, type Block, type Reference } from "@/lib/guides/blocks";
import { citedReferences } from "@/lib/handouts/printed/sections";
import {
  contactSnapshotSchema,
  type BrandingSnapshot,
  type ContactSnapshot,
  type OptionsSnapshot,
} from "@/lib/handouts/snapshots";
import type { PrintedHandout } from "@/lib/handouts/printed/model";
import { canonicalJson } from "@/lib/canonical-json";

export const SEAL_VERSION = 1;

/** A handout as it is printed and shown: its own fields, the chosen sections in printed order, and the rest. */
export type PrintedRecord = {
  title: string;
  guideTitle: string;
  createdAt: string;
  preparedFor: string | null;
  followUpDate: string | null;
  notes: string;
  // `warning`: shown boxed as warning signs (from the section's own immutable flags; not part of the seal).
  sections: {
    key: string;
    title: string;
    kind: "content" | "references" | "disclaimer";
    blocks: Block[];
    citedRefKeys: string[];
    keyPoint?: string | null;
    warning?: boolean;
  }[];
  // The guide version's references; the seal keeps those the sections cite (all a printed model holds).
  references: Reference[];
  contact: ContactSnapshot;
  options: OptionsSnapshot;
  branding: BrandingSnapshot;
  // The SHA-256 of each picture the sections show, by image id (null: the picture is not there).
  pictures: Record<string, string | null>;
};

const sha256 = (data: string) => crypto.createHash("sha256").update(data).digest("hex");

/**
 * Version 1: the SHA-256 (hex) of "handout-seal/1\n" followed by canonicalJson of
 *   { handout: { title, createdAt (ISO 8601), preparedFor, followUpDate (YYYY-MM-DD), notes, language,
 *                largePrint, notesPosition, pageSize },
 *     contact: the nine printed contact fields,
 *     branding: { clinicName, primaryColor, accentColor, extraDisclaimer, logoSha256 },
 *     guide: { title },
 *     sections: [{ key, title, kind, blocks, citedRefKeys, keyPoint }] in printed order,
 *     references: [{ key, text, url }] the sections cite, in the guide's order,
 *     pictures: [{ id, sha256 }] in the order the sections first show them },
 * absent values as null. A change to what this covers is a new version beside this one, never an edit.
 */
export function sealOf(h: PrintedRecord): string {
  const ids = [...new Set(h.sections.flatMap((s) => imageIdsIn(s.blocks)))];
  const sealed = {
    handout: {
      title: h.title,
      createdAt: h.createdAt,
      preparedFor: h.preparedFor || null,
      followUpDate: h.followUpDate || null,
      notes: h.notes,
      language: h.options.language,
      largePrint: h.options.largePrint,
      notesPosition: h.options.notesPosition,
      pageSize: h.options.pageSize,
    },
    contact: contactSnapshotSchema.parse(h.contact),
    branding: {
      clinicName: h.branding.clinicName,
      primaryColor: h.branding.primaryColor,
      accentColor: h.branding.accentColor,
      extraDisclaimer: h.branding.extraDisclaimer,
      logoSha256: h.branding.logoSha256,
    },
    guide: { title: h.guideTitle },
    sections: h.sections.map((s) => ({
      key: s.key,
      title: s.title,
      kind: s.kind,
      blocks: s.blocks,
      citedRefKeys: s.citedRefKeys,
      keyPoint: s.keyPoint ?? null,
    })),
    references: citedReferences(h.references, h.sections).map((r) => ({
      key: r.key,
      text: r.text,
      url: r.url ?? null,
    })),
    pictures: ids.map((id) => ({ id, sha256: h.pictures[id] ?? null })),
  };
  return sha256(`handout-seal/${SEAL_VERSION}\n${canonicalJson(sealed)}`);
}

/**
 * What the seal covers of a printed handout (lib/handouts/printed/model.ts): its own fields as they were
 * given, not the words and lines decided from them. A new handout's logo and pictures are hashed from the
 * very bytes drawn (printedFromDraft), a stored one's read from what was kept beside them.
 */
export function printedRecordOf(printed: PrintedHandout): PrintedRecord {
  const { branding } = printed;
  return {
    title: printed.title,
    guideTitle: printed.guideTitle,
    createdAt: printed.createdAt,
    preparedFor: printed.preparedFor,
    followUpDate: printed.followUpDate,
    notes: printed.notes,
    sections: printed.sections,
    references: printed.references,
    contact: printed.contact,
    options: {
      language: printed.language,
      largePrint: printed.largePrint,
      notesPosition: printed.notesPosition,
      pageSize: printed.pageSize,
      layout: printed.layout,
    },
    branding: {
      clinicName: branding.clinicName,
      primaryColor: branding.primaryColor,
      accentColor: branding.accentColor,
      extraDisclaimer: branding.extraDisclaimer,
      pageSize: printed.pageSize,
      notesPosition: printed.notesPosition,
      logoSha256: branding.logoSha256,
    },
    pictures: printed.pictures,
  };
}

export type SealCheck = "verified" | "mismatch" | "unsealed";

/** Whether `record` is what its seal was made from; a seal of a version this code does not know cannot be checked. */
export function checkSeal(record: PrintedRecord, seal: { version: number; sha256: string } | null): SealCheck {
  if (!seal) return "unsealed";
  return seal.version === SEAL_VERSION && seal.sha256 === sealOf(record) ? "verified" : "mismatch";
}
