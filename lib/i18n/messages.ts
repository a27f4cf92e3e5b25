// The message catalogue of each language the portal prints handouts in; English for any other language.
import { en, type Messages } from "./messages/en";
import { es } from "./messages/es";

export type { Messages };

const CATALOGUES: Record<string, Messages> = { en, es };

/** The languages the portal can print a handout's own words in (a clinic's default is one of them). */
export const HANDOUT_LANGUAGES = ["en", "es"] as const;

/** The catalogue for a BCP 47 tag: "es-MX" gets Spanish, an unknown language English. */
export function messagesFor(language: string | null | undefined): Messages {
  return CATALOGUES[(language ?? "en").toLowerCase().split("-")[0]!] ?? en;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "December 1, 2026" / "1 de diciembre de 2026"; a date alone is read as that day wherever the reader is. */
export function formatLongDate(iso: string, language?: string | null): string {
  const locale = messagesFor(language).locale;
  // One formatter per locale: toLocaleDateString builds a new one each time (~1 ms).
  let format = dateFormats.get(locale);
  if (!format)
    dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" })));
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}
