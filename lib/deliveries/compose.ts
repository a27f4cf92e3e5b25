import type { OutgoingMail } from "@/lib/email/mailer";
import type { ContactSnapshot } from "@/lib/handouts/snapshots";
import { isEmailAddress } from "@/lib/contact-rules";
import { formatLongDate, messagesFor, type Messages } from "@/lib/i18n/messages";

// Header values never carry line breaks, whatever the clinic typed into its name.
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, " ").trim();

function contactLines(c: ContactSnapshot, t: Messages["contact"]): string[] {
  return [
    c.clinicName,
    c.clinicianName && [c.clinicianName, c.credentials].filter(Boolean).join(", "),
    c.address,
    c.phone && `${t.phone}: ${c.phone}`,
    c.directPhone && `${t.directLine}: ${c.directPhone}`,
    c.email && `${t.email}: ${c.email}`,
    c.website,
    c.hours && `${t.hours}: ${c.hours}`,
  ]
    .filter(Boolean)
    .map((l) => oneLine(String(l)));
}

// `language`: the handout's (its guide variant's); the email is written in it, English when absent.
type Common = { to: string; contact: ContactSnapshot; messageId: string; language?: string };

function mail(p: Common, t: Messages, intro: string[], extra: Partial<OutgoingMail> = {}): OutgoingMail {
  const clinic = oneLine(p.contact.clinicName);
  const text = [
    t.email.hello,
    "",
    ...intro,
    "",
    t.email.questions,
    "",
    ...contactLines(p.contact, t.contact),
    "",
    t.email.why,
  ].join("\n");
  return {
    to: p.to,
    subject: t.email.subject(clinic),
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
  const t = messagesFor(p.language);
  const intro = [t.email.attached(oneLine(p.contact.clinicName)), ...(p.message ? ["", p.message] : [])];
  return mail(p, t, intro, {
    attachments: [
      { filename: t.email.fileName(p.date.toISOString().slice(0, 10)), content: p.pdf, contentType: "application/pdf" },
    ],
  });
}

/**
 * The patient email with the link only: no attachment, no title, no section, no message, nothing about the
 * patient's health; what the handout says stays behind the link.
 */
export function composeLinkEmail(p: Common & { url: string; expiresAt: Date }): OutgoingMail {
  const t = messagesFor(p.language);
  const intro = [
    t.email.linkIntro(oneLine(p.contact.clinicName)),
    "",
    p.url,
    "",
    t.email.linkUntil(formatLongDate(p.expiresAt.toISOString(), p.language)),
  ];
  return mail(p, t, intro);
}
