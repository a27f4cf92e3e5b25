import type { OutgoingMail } from "@/lib/email/mailer";
import type { ContactSnapshot } from "@/lib/handouts/snapshots";
import { isEmailAddress } from "@/lib/clinics/contact-rules";

// Header values never carry line breaks, whatever the clinic typed into its name.
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, " ").trim();

/**
 * The patient email. Subject, body and file name carry no clinical details: only the clinic's name and
 * contact block, and the clinician's personal message.
 */
export function composeHandoutEmail(p: { to: string; contact: ContactSnapshot; message: string | null; pdf: Buffer; date: Date; messageId: string }): OutgoingMail {
  const clinic = oneLine(p.contact.clinicName);
  const contactLines = [
    clinic,
    p.contact.clinicianName && [p.contact.clinicianName, p.contact.credentials].filter(Boolean).join(", "),
    p.contact.address,
    p.contact.phone && `Phone: ${p.contact.phone}`,
    p.contact.directPhone && `Direct line: ${p.contact.directPhone}`,
    p.contact.email && `Email: ${p.contact.email}`,
    p.contact.website,
    p.contact.hours && `Hours: ${p.contact.hours}`,
  ]
    .filter(Boolean)
    .map((l) => oneLine(String(l)));
  const text = [
    "Hello,",
    "",
    `${clinic} sent you the handout you asked for. It is attached as a PDF.`,
    ...(p.message ? ["", p.message] : []),
    "",
    "If you have questions, please contact us:",
    "",
    ...contactLines,
    "",
    "You got this email because you asked the clinic to send you this handout.",
  ].join("\n");
  return {
    to: p.to,
    subject: `Your handout from ${clinic}`,
    text,
    replyTo: p.contact.email && isEmailAddress(p.contact.email) ? p.contact.email : undefined,
    messageId: p.messageId,
    attachments: [{ filename: `handout-${p.date.toISOString().slice(0, 10)}.pdf`, content: p.pdf, contentType: "application/pdf" }],
  };
}
