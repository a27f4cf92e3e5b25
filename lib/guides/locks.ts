import { looksLikeRedFlag } from "./red-flags";
import type { SectionKind } from "./blocks";

// Why a section is in every handout of its guide. Shown beside its lock on the guide page and in the builder.
export type LockReason = "disclaimer" | "seek-care" | "guide" | "red-flag";

export const LOCK_REASONS: Record<LockReason, string> = {
  disclaimer: "the guide's disclaimer",
  "seek-care": "tells the patient when to get care",
  guide: "marked required by the guide",
  "red-flag": "warning signs, locked when the guide was imported",
};

type Lockable = {
  key: string;
  title: string;
  kind: SectionKind;
  plainText: string;
  lock: LockReason | null;
  required: boolean;
  redFlag: boolean;
};

/**
 * Locks the sections the front matter's `required:` names (by title or key), flags content sections that
 * read like warning signs and locks them too (the importer may unlock them in the preview: see
 * unlockRedFlags). Returns the names in `required:` that match no section, as errors.
 */
export function applyLocks(sections: Lockable[], required: string[]): string[] {
  const errors: string[] = [];
  for (const name of required) {
    const section = sections.find((s) => s.key === name || s.title.toLowerCase() === name.toLowerCase());
    if (!section)
      errors.push(`Front matter "required" names "${name}", which is not a section title or key of this guide.`);
    else if (section.kind === "references")
      errors.push(
        `Front matter "required" names the references, which are built from the citations: remove "${name}".`,
      );
    else section.lock ??= "guide";
  }
  for (const s of sections) {
    if (s.kind !== "content") continue;
    s.redFlag = looksLikeRedFlag(s.title, s.plainText);
    if (s.redFlag) s.lock ??= "red-flag";
    s.required = s.lock !== null;
  }
  return errors;
}

/** The importer's answer in the preview: flagged sections they chose not to lock (other locks stay). */
export function unlockRedFlags<S extends Lockable>(sections: S[], keepUnlocked: string[]): S[] {
  const keys = new Set(keepUnlocked);
  return sections.map((s) => (s.lock === "red-flag" && keys.has(s.key) ? { ...s, lock: null, required: false } : s));
}
