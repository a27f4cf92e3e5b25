// Everything the portal itself prints on a handout, in English: the PDF, the patient's web page and the
// patient email. One file per language with the same shape (messages/es.ts); components never hold these.
export const en = {
  // Intl locale for dates.
  locale: "en-US",
  pageOf: (page: number, total: number) => `Page ${page} of ${total}`,
  preparedFor: (name: string) => `Prepared for ${name}`,
  followUp: (date: string) => `Follow-up: ${date}`,
  mainPoints: "The main points",
  notesTitle: "Notes from your clinician",
  questions: (clinic: string) => `Questions? Contact ${clinic}`,
  references: "References",
  // Above a section that says when to get help at once (a warning-signs box, in the PDF and on the patient page).
  warningLabel: "Get help now",
  scanToRead: "Scan to read this handout on your phone",
  qrAlt: (label: string, url: string) => `QR code: ${label} ${url}`,
  logoAlt: (clinic: string) => `${clinic} logo`,
  contact: {
    clinician: "Your clinician",
    directLine: "Direct line",
    phone: "Phone",
    email: "Email",
    website: "Website",
    address: "Address",
    hours: "Hours",
  },
  email: {
    subject: (clinic: string) => `Your handout from ${clinic}`,
    hello: "Hello,",
    attached: (clinic: string) => `${clinic} sent you the handout you asked for. It is attached as a PDF.`,
    linkIntro: (clinic: string) =>
      `${clinic} has a handout for you. Read it on your phone or computer, or download it as a PDF, here:`,
    linkUntil: (date: string) =>
      `The link works until ${date}. Anyone with the link can open the handout, so please do not forward this email.`,
    questions: "If you have questions, please contact us:",
    why: "You got this email because you asked the clinic to send you this handout.",
    fileName: (date: string) => `handout-${date}.pdf`,
  },
  page: {
    skip: "Skip to the handout",
    largerText: "Larger text",
    downloadPdf: "Download PDF",
    pdfSize: (pages: number) => `PDF, ${pages} ${pages === 1 ? "page" : "pages"}`,
    worksUntil: (date: string) =>
      `This link works until ${date}. It shows the handout exactly as your clinic gave it to you.`,
    goneTitle: "This handout is no longer available",
    goneBody: "The link may have expired or been withdrawn, or it may be mistyped.",
    goneCall: "To get a new copy, call",
    goneUnknown:
      "To get a new copy, call the clinic that gave it to you. Their phone number is on your printed handout and in their email.",
    unverifiedTitle: "This handout's content could not be verified",
    unverifiedBody: "What this page would show no longer matches the handout your clinic gave you, so it is not shown.",
    unverifiedCall: "Please contact",
    unverifiedUnknown: "Please contact the clinic that gave it to you. Their phone number is on your printed handout.",
    tooManyTitle: "Too many requests",
    tooManyBody: "Please wait a minute, then try again.",
  },
};

export type Messages = typeof en;
