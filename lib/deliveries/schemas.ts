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

export const sendHandoutSchema = z.object({
  handoutId: idSchema,
  recipient: recipientSchema,
  consent: z.literal("yes", { message: "Confirm that the patient asked to get this handout by email." }),
  message: z
    .string()
    .max(MESSAGE_MAX, `Keep the message under ${MESSAGE_MAX.toLocaleString("en-US")} characters.`)
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .default(""),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "The form expired: reload the page and try again."),
});

export type SendHandoutInput = z.infer<typeof sendHandoutSchema>;

/** j***@example.com: enough for staff to recognise, too little to reuse. */
export function maskEmail(address: string): string {
  const [local = "", domain = ""] = address.split("@");
  return `${local.slice(0, 1)}***@${domain}`;
}

export const retryDeliverySchema = z.object({ deliveryId: idSchema });
