// What the patient page says around the handout. One table per language, so a handout in another language
// (issue 14) gets its page in that language too; English is the fallback.
export const PAGE_STRINGS = {
  en: {
    skip: "Skip to the handout",
    largerText: "Larger text",
    downloadPdf: "Download PDF",
    pdfSize: (pages: number) => `PDF, ${pages} ${pages === 1 ? "page" : "pages"}`,
    preparedFor: (name: string) => `Prepared for ${name}`,
    followUp: (date: string) => `Follow-up: ${date}`,
    notesTitle: "Notes from your clinician",
    questions: (clinic: string) => `Questions? Contact ${clinic}`,
    references: "References",
    worksUntil: (date: string) => `This link works until ${date}. It shows the handout exactly as your clinic gave it to you.`,
    goneTitle: "This handout is no longer available",
    goneBody: "The link may have expired or been withdrawn, or it may be mistyped.",
    goneCall: "To get a new copy, call",
    goneUnknown: "To get a new copy, call the clinic that gave it to you. Their phone number is on your printed handout and in their email.",
    tooManyTitle: "Too many requests",
    tooManyBody: "Please wait a minute, then try again.",
  },
} as const;

export type PageStrings = (typeof PAGE_STRINGS)["en"];

export function pageStrings(language: string | null | undefined): PageStrings {
  const base = (language ?? "en").toLowerCase().split("-")[0] as keyof typeof PAGE_STRINGS;
  return PAGE_STRINGS[base] ?? PAGE_STRINGS.en;
}
