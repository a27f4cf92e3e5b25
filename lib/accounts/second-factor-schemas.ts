import { z } from "zod";

// The second-step and set-up forms, parsed by their actions (lib/actions.ts) and shared with the pages.
const callbackUrl = z.string().max(2000).optional();

export const secondStepSchema = z.object({
  method: z.enum(["totp", "recovery"]),
  code: z.string().trim().min(1, "Enter the code.").max(64, "That is longer than any code."),
  trust: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
  callbackUrl,
});

export const enrolmentSchema = z.object({
  enrolment: z.string().min(1).max(1000),
  code: z
    .string()
    .trim()
    .min(1, "Enter the 6-digit code your app shows.")
    .max(20, "Enter the 6-digit code your app shows."),
  callbackUrl,
});
