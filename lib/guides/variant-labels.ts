// How the portal (in English) names a guide variant: "Spanish · plain language".
const LEVELS: Record<string, string> = { plain: "plain language", standard: "standard" };

let names: Intl.DisplayNames | null = null;

export function languageName(language: string): string {
  names ??= new Intl.DisplayNames(["en"], { type: "language" });
  try {
    return names.of(language) ?? language;
  } catch {
    return language;
  }
}

export const variantLabel = (v: { language: string; level: string }) =>
  `${languageName(v.language)} · ${LEVELS[v.level] ?? v.level}`;
