import { isEmailAddress, telHref, WEBSITE } from "@/lib/contact-rules";
import type { ContactSnapshot } from "@/lib/handouts/snapshots";
import type { Messages } from "@/lib/i18n/messages";

export type ContactLine = { label: string; text: string; href?: string };

/**
 * The contact block's lines, in the order the PDF and the patient's web page print them. A phone becomes a
 * tel: link, an address that passes the forms' rule a mailto: link, an https website a link; anything else
 * an old snapshot holds is printed as text.
 */
export function contactLines(c: ContactSnapshot, t: Messages["contact"]): ContactLine[] {
  const clinician = [c.clinicianName, c.credentials].filter(Boolean).join(", ");
  return [
    ...(clinician ? [{ label: t.clinician, text: clinician }] : []),
    ...(c.directPhone ? [{ label: t.directLine, text: c.directPhone, href: telHref(c.directPhone) }] : []),
    ...(c.phone ? [{ label: t.phone, text: c.phone, href: telHref(c.phone) }] : []),
    ...(c.email
      ? [{ label: t.email, text: c.email, href: isEmailAddress(c.email) ? `mailto:${c.email}` : undefined }]
      : []),
    ...(c.website
      ? [{ label: t.website, text: c.website, href: WEBSITE.test(c.website) ? c.website : undefined }]
      : []),
    ...(c.address ? [{ label: t.address, text: c.address }] : []),
    ...(c.hours ? [{ label: t.hours, text: c.hours }] : []),
  ];
}
