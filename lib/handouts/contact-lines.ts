import { isEmailAddress, telHref, WEBSITE } from "@/lib/clinics/contact-rules";
import type { ContactSnapshot } from "@/lib/handouts/snapshots";

export type ContactLine = { label: string; text: string; href?: string };

/**
 * The contact block's lines, in the order the PDF and the patient's web page print them. A phone becomes a
 * tel: link, an address that passes the forms' rule a mailto: link, an https website a link; anything else
 * an old snapshot holds is printed as text.
 */
export function contactLines(c: ContactSnapshot): ContactLine[] {
  const clinician = [c.clinicianName, c.credentials].filter(Boolean).join(", ");
  return [
    ...(clinician ? [{ label: "Your clinician", text: clinician }] : []),
    ...(c.directPhone ? [{ label: "Direct line", text: c.directPhone, href: telHref(c.directPhone) }] : []),
    ...(c.phone ? [{ label: "Phone", text: c.phone, href: telHref(c.phone) }] : []),
    ...(c.email ? [{ label: "Email", text: c.email, href: isEmailAddress(c.email) ? `mailto:${c.email}` : undefined }] : []),
    ...(c.website ? [{ label: "Website", text: c.website, href: WEBSITE.test(c.website) ? c.website : undefined }] : []),
    ...(c.address ? [{ label: "Address", text: c.address }] : []),
    ...(c.hours ? [{ label: "Hours", text: c.hours }] : []),
  ];
}

// One formatter for every call: toLocaleDateString builds a new one each time (~1 ms).
const LONG_DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** "December 1, 2026" for an ISO date or date-time; a date alone is read as that day wherever the reader is. */
export function formatHandoutDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : LONG_DATE.format(date);
}
