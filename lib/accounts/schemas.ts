import { z } from "zod";
import { passwordSchema } from "@/lib/accounts/password-policy";
import { optionalText, phoneSchema } from "@/lib/contact-rules";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters.")
  .email("Enter a valid email address.");

export const forgotPasswordSchema = z.object({ email: emailSchema });

const passwordsMatch = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;
const mismatch = { path: ["confirmPassword"], message: "The passwords do not match." };
const newPassword = { password: passwordSchema, confirmPassword: z.string() };
const token = z.string().min(10).max(200);

export const resetPasswordSchema = z.object({ token, ...newPassword }).refine(passwordsMatch, mismatch);

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password.").max(1024), ...newPassword })
  .refine(passwordsMatch, mismatch);

export const nameSchema = z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.");

export const acceptInviteNewUserSchema = z
  .object({ hasAccount: z.literal("0"), token, name: nameSchema, ...newPassword })
  .refine(passwordsMatch, mismatch);
export const acceptInviteExistingUserSchema = z.object({
  hasAccount: z.literal("1"),
  token,
  password: z.string().min(1, "Enter your password.").max(1024),
});
// The invite page says which form it showed: a new account (name and a new password) or an existing one.
export const acceptInviteSchema = z.discriminatedUnion("hasAccount", [
  acceptInviteExistingUserSchema,
  acceptInviteNewUserSchema,
]);

// A member's own profile: the name, credentials and direct line their handouts print.
export const profileSchema = z.object({
  name: nameSchema,
  credentials: optionalText(60, "the credentials"),
  directPhone: phoneSchema("the direct line"),
});

export type ProfileInput = z.infer<typeof profileSchema>;
