import { z } from "zod";
import { idSchema } from "@/lib/ids";

export const MESSAGE_MAX = 1000;

// Exactly one plain address: no display names, lists, or line breaks that could add recipients or headers.
export const recipientSchema = z
  .string()
  .trim()
  .min(1, "Enter the patient's email address.")
  .max(254, "That address is too long.")
  .refine((v) => !/[\r\n,;<>"\s]/.test(v), "Enter one email address only, with no spaces, commas or line breaks.")
  .pipe(z.email("Enter a valid email address, like name@example.com.").transform((v) => v.toLowerCase()));

export const consentSchema = z.literal("yes", {
  message: "Confirm that the patient asked to get this handout by email.",
});
// The address the clinician confirmed after the form asked (a likely typo, an earlier email of the handout):
// it goes ahead only when it is the address being sent to.
export const confirmRecipientSchema = z.string().trim().toLowerCase().max(254).optional().catch(undefined);

/** What a send form asks the clinician to confirm (lib/deliveries/recipient-check.ts). */
export type RecipientCheck = {
  address: string;
  suggestion: string | null;
  // The latest earlier email of the handout to this address that did not fail: sent (at = when), or still on
  // its way (at = when it was asked for).
  previous: { sent: boolean; at: string; mask: string } | null;
};
// The key a form carries so a double click or a resubmit does its work once.
export const formKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, "The form expired: reload the page and try again.");

export const ATTACHMENT_NOTICE =
  "Email is not encrypted: the PDF, with everything the handout says, travels through ordinary email and stays in the patient's mailbox.";
export const ATTACHMENT_NOTICE_REQUIRED = "Confirm that you read the notice about email before attaching the PDF.";

/**
 * What the email carries: the patient link only (no health information in the email at all, so no
 * personal message either), or the PDF attached once the clinician has seen that email is not encrypted.
 */
export const deliveryModeFields = {
  mode: z.enum(["LINK", "ATTACHMENT"], { message: "Choose what the email carries." }).default("ATTACHMENT"),
  attachmentNotice: z.literal("seen").optional().catch(undefined),
};

type ModeFields = { mode: "LINK" | "ATTACHMENT"; attachmentNotice?: "seen" };

/**
 * Attaching the PDF needs the notice confirmed. Checked even when other fields fail (zod's `when`), so the
 * form names every problem at once instead of one per submit.
 */
export function requireAttachmentNotice<T extends z.ZodType<ModeFields>>(schema: T) {
  return schema.refine((v) => v.mode !== "ATTACHMENT" || v.attachmentNotice === "seen", {
    path: ["attachmentNotice"],
    message: ATTACHMENT_NOTICE_REQUIRED,
    when: (payload) => (payload.value as Partial<ModeFields> | undefined)?.mode === "ATTACHMENT",
  });
}

export const sendHandoutSchema = requireAttachmentNotice(
  z
    .object({
      handoutId: idSchema,
      recipient: recipientSchema,
      consent: consentSchema,
      message: z
        .string()
        .max(MESSAGE_MAX, `Keep the message under ${MESSAGE_MAX.toLocaleString("en-US")} characters.`)
        .transform((v) => v.replace(/\r\n?/g, "\n").trim())
        .default(""),
      idempotencyKey: formKeySchema,
      confirmRecipient: confirmRecipientSchema,
      ...deliveryModeFields,
    })
    .superRefine((v, ctx) => {
      if (v.mode === "LINK" && v.message)
        ctx.addIssue({
          code: "custom",
          path: ["message"],
          message: "The link email carries no message: attach the PDF to add one.",
        });
    }),
);

export type DeliveryMode = "LINK" | "ATTACHMENT";
// Callers inside the portal (make-and-email, tests) may leave the mode out: the PDF is attached.
export type SendHandoutInput = Omit<z.infer<typeof sendHandoutSchema>, "mode" | "attachmentNotice"> & {
  mode?: DeliveryMode;
};

export const retryDeliverySchema = z.object({ deliveryId: idSchema });
