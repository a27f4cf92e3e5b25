import { isWarningSection } from "@/lib/guides/red-flags";
import { formatLongDate, messagesFor } from "@/lib/i18n/messages";
import { printableText } from "@/lib/printable/coverage";
import { contactLines } from "@/lib/handouts/printed/contact-lines";
import { mainPoints } from "@/lib/handouts/printed/main-points";
import { parseNotes } from "@/lib/handouts/printed/notes";
import { citedReferences } from "@/lib/handouts/printed/sections";
import type { PrintedHandout, PrintedSection } from "@/lib/handouts/printed/model";

/** What a handout was made from: the model's own fields, every reference of its guide version, its link's address. */
export type PrintedParts = Omit<
  PrintedHandout,
  "words" | "link" | "clinicName" | "meta" | "mainPoints" | "notesBlocks" | "contactLines"
> & { link: { url: string } | null };

type GuideSection = Omit<PrintedSection, "warning"> & {
  lockReason: string | null;
  redFlag: boolean;
  required: boolean;
};

/** A guide version's section as printed, with whether it is boxed as warning signs (from its own immutable flags). */
export const printedSection = (s: GuideSection): PrintedSection => ({
  key: s.key,
  title: s.title,
  kind: s.kind,
  blocks: s.blocks,
  citedRefKeys: s.citedRefKeys,
  keyPoint: s.keyPoint,
  warning: isWarningSection(s),
});

/**
 * Everything a handout prints around the guide's text, decided here for every renderer: the words in its
 * language, the dates, the references its sections cite, the main points, the notes as blocks, the contact
 * block's lines.
 */
export function printedHandout(parts: PrintedParts): PrintedHandout {
  const t = messagesFor(parts.language);
  const date = (iso: string) => formatLongDate(iso, parts.language);
  const clinicName = parts.branding.clinicName || parts.contact.clinicName;
  const { link } = parts;
  return {
    ...parts,
    words: {
      mainPointsTitle: t.mainPoints,
      notesTitle: t.notesTitle,
      warningLabel: t.warningLabel,
      contactTitle: t.questions(parts.contact.clinicName || parts.branding.clinicName),
      referencesTitle: t.references,
      logoAlt: t.logoAlt(clinicName),
    },
    references: citedReferences(parts.references, parts.sections),
    link: link && { url: link.url, label: t.scanToRead, alt: t.qrAlt(t.scanToRead, link.url) },
    clinicName,
    meta: [
      date(parts.createdAt),
      parts.preparedFor && t.preparedFor(parts.preparedFor),
      parts.followUpDate && t.followUp(date(parts.followUpDate)),
    ].filter((m): m is string => !!m),
    mainPoints: mainPoints(parts.sections),
    // Read as they print: a form feed or line separator is a line break and what no font draws (control
    // characters, invisible marks the fonts lack) is dropped first, so a line of only those is a blank line.
    notesBlocks: parseNotes(printableText(parts.notes)),
    contactLines: contactLines(parts.contact, t.contact),
  };
}
