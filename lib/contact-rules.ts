// The one rule for each contact detail a handout prints: clinic settings, the clinician's profile, the
// builder's contact block, the patient email and the PDF all use these, so a value one of them accepts is
// never refused (or printed differently) by another.
import { z } from "zod";

const optional = (max: number, label: string) =>
  z.string().trim().max(max, `Keep ${label} under ${max} characters.`).default("");

export const PHONE = /^[+()\d][\d\s().+\-/]*(?:\s*(?:x|ext\.?)\s*\d+)?$/i;
export const phoneSchema = (label = "the phone number") =>
  optional(40, label).refine(
    (v) => v === "" || PHONE.test(v),
    "Use digits, spaces and + ( ) - only (an extension as “ext. 12”).",
  );

export const WEBSITE = /^https:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i;
export const websiteSchema = optional(200, "the website").refine(
  (v) => v === "" || WEBSITE.test(v),
  "Use a full https:// address, for example https://clinic.example.",
);

const EMAIL = z.email();
/** Whether a stored address may become a mailto: link or a Reply-To header. */
export const isEmailAddress = (v: string) => EMAIL.safeParse(v).success && !/[\s,;<>"]/.test(v);
export const optionalEmailSchema = optional(254, "the email").refine(
  (v) => v === "" || isEmailAddress(v),
  "Enter a valid email address.",
);

/** tel: link for a printed number: digits and a leading + only. */
export const telHref = (phone: string) => `tel:${phone.replace(/(?:x|ext\.?)\s*\d+$/i, "").replace(/[^\d+]/g, "")}`;

export { optional as optionalText };
