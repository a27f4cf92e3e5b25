import type { OutgoingMail } from "@/lib/email/mailer";
import type { ContactSnapshot } from "@/lib/handouts/snapshots";
import { isEmailAddress } from "@/lib/clinics/contact-rules";

// Header values never carry line breaks, whatever the clinic typed into its name.
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, " ").trim();

function contactLines(c: ContactSnapshot): string[] {
  return [
    c.clinicName,
    c.clinicianName && [c.clinicianName, c.credentials].filter(Boolean).join(", "),
    c.address,
    c.phone && `Phone: ${c.phone}`,
    c.directPhone && `Direct line: ${c.directPhone}`,
    c.email && `Email: ${c.email}`,
    c.website,
    c.hours && `Hours: ${c.hours}`,
  ]
    .filter(Boolean)
    .map((l) => oneLine(String(l)));
}

type Common = { to: string; contact: ContactSnapshot; messageId: string };

function mail(p: Common, intro: string[], extra: Partial<OutgoingMail> = {}): OutgoingMail {
  const clinic = oneLine(p.contact.clinicName);
  const text = [
    "Hello,",
    "",
    ...intro,
    "",
    "If you have questions, please contact us:",
    "",
    ...contactLines(p.contact),
    "",
    "You got this email because you asked the clinic to send you this handout.",
  ].join("\n");
  return {
    to: p.to,
    subject: `Your handout from ${clinic}`,
    text,
    replyTo: p.contact.email && isEmailAddress(p.contact.email) ? p.contact.email : undefined,
    messageId: p.messageId,
    ...extra,
  };
}

/**
 * The patient email with the PDF attached. Subject, body and file name carry no clinical details: only the
 * clinic's name and contact block, and the clinician's personal message.
 */
export function composeHandoutEmail(p: Common & { message: string | null; pdf: Buffer; date: Date }): OutgoingMail {
  const intro = [`${oneLine(p.contact.clinicName)} sent you the handout you asked for. It is attached as a PDF.`, ...(p.message ? ["", p.message] : [])];
  return mail(p, intro, { attachments: [{ filename: `handout-${p.date.toISOString().slice(0, 10)}.pdf`, content: p.pdf, contentType: "application/pdf" }] });
}

const UNTIL = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/**
 * The patient email with the link only: no attachment, no title, no section, no message, nothing about the
 * patient's health; what the handout says stays behind the link.
 */
export function composeLinkEmail(p: Common & { url: string; expiresAt: Date }): OutgoingMail {
  const intro = [
    `${oneLine(p.contact.clinicName)} has a handout for you. Read it on your phone or computer, or download it as a PDF, here:`,
    "",
    p.url,
    "",
    `The link works until ${UNTIL.format(p.expiresAt)}. Anyone with the link can open the handout, so please do not forward this email.`,
  ];
  return mail(p, intro);
}
