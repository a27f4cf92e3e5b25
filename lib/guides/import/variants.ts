// A variant (another reading level or language of a guide) must have the original's sections, so that
// templates, handouts and "changed in this version" carry over between them.
import type { ParsedGuide, ParsedSection } from "./parse-markdown";

type OriginalSection = { key: string; title: string; kind: string };

export type VariantMatch = { ok: true; sections: ParsedSection[] } | { ok: false; errors: string[] };

const names = (sections: { key: string; title: string }[]) => sections.map((s) => `"${s.title}" (${s.key})`).join(", ");

/**
 * Gives the variant's sections the original's keys: from its front matter "keys" list when it has one,
 * else by order, and refuses any mismatch with a message that names the sections concerned.
 */
export function matchVariantSections(
  original: { title: string; sections: OriginalSection[] },
  variant: ParsedGuide,
): VariantMatch {
  const against = `the sections of "${original.title}"`;
  if (!variant.variant.keysGiven) {
    if (variant.sections.length !== original.sections.length) {
      return {
        ok: false,
        errors: [
          `The variant has ${variant.sections.length} sections and ${against} are ${original.sections.length}: ${names(original.sections)}. Give one "##" section per section of the original, in its order, or list their keys under "keys:" in front matter.`,
        ],
      };
    }
    const sections = variant.sections.map((s, i) => ({ ...s, key: original.sections[i]!.key }));
    const wrongKind = sections.filter((s, i) => s.kind !== original.sections[i]!.kind);
    if (wrongKind.length > 0) {
      return {
        ok: false,
        errors: wrongKind.map(
          (s) =>
            `Section "${s.title}" stands where the original has "${original.sections.find((o) => o.key === s.key)!.title}", which is a ${original.sections.find((o) => o.key === s.key)!.kind} section: keep the original's order or list the keys under "keys:".`,
        ),
      };
    }
    return { ok: true, sections };
  }
  const originalKeys = new Set(original.sections.map((s) => s.key));
  const variantKeys = new Set(variant.sections.map((s) => s.key));
  const missing = original.sections.filter((s) => !variantKeys.has(s.key));
  const unknown = variant.sections.filter((s) => !originalKeys.has(s.key));
  const errors: string[] = [];
  if (missing.length)
    errors.push(
      `The variant lacks ${missing.length === 1 ? "a section" : "sections"} of "${original.title}": ${names(missing)}.`,
    );
  if (unknown.length)
    errors.push(
      `The variant's ${unknown.length === 1 ? "section" : "sections"} ${names(unknown)} ${unknown.length === 1 ? "is" : "are"} not in ${against}: use the original's keys under "keys:".`,
    );
  const kinds = new Map(original.sections.map((s) => [s.key, s.kind]));
  for (const s of variant.sections) {
    const kind = kinds.get(s.key);
    if (kind && kind !== s.kind)
      errors.push(`Section "${s.title}" (${s.key}) is a ${s.kind} section but the original's is a ${kind} section.`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, sections: variant.sections };
}
