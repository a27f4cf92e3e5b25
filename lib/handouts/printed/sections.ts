import { AppError } from "@/lib/errors";

// Which sections a handout prints: the chosen content sections in the chosen order, then every required
// section the clinician did not pick (required ones cannot be left out), disclaimers last. The guide's own
// reference section is dropped: the handout lists the references the chosen sections cite (citedReferences).
type Selectable = { key: string; kind: "content" | "references" | "disclaimer"; required: boolean };

export function selectSections<T extends Selectable>(all: T[], chosenKeys: string[]): T[] {
  const byKey = new Map(all.map((s) => [s.key, s]));
  const chosen = [...new Set(chosenKeys)]
    .map((k) => byKey.get(k))
    .filter((s): s is T => !!s && s.kind !== "references");
  const missingRequired = all.filter((s) => s.required && s.kind !== "references" && !chosen.includes(s));
  const ordered = [...chosen, ...missingRequired];
  return [...ordered.filter((s) => s.kind !== "disclaimer"), ...ordered.filter((s) => s.kind === "disclaimer")];
}

/** The references cited by `sections`, in the guide's order. */
export function citedReferences<R extends { key: string }>(
  references: R[],
  sections: { citedRefKeys: string[] }[],
): R[] {
  const cited = new Set(sections.flatMap((s) => s.citedRefKeys));
  return references.filter((r) => cited.has(r.key));
}

/**
 * A handout needs at least one content section the clinician chose, besides the ones always included: a PDF
 * of only the disclaimer and the warning signs is not a handout.
 */
export function requireChosenContent(all: Selectable[], chosenKeys: string[]): void {
  const chosen = new Set(chosenKeys);
  if (all.some((s) => s.kind === "content" && !s.required && chosen.has(s.key))) return;
  throw new AppError("BAD_REQUEST", CHOOSE_CONTENT, { sectionKeys: [CHOOSE_CONTENT] });
}

export const CHOOSE_CONTENT = "Choose at least one section besides the ones always included.";
