import { z } from "zod";
import { allowsPlainHttp } from "@/lib/sso/schemas";

const fhirBaseSchema = z
  .string()
  .trim()
  .min(1, "Enter the FHIR base URL of your EHR (its SMART “iss”).")
  .max(500, "Use at most 500 characters.")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return ctx.addIssue({
        code: "custom",
        message: "Enter the FHIR base URL in full, such as https://fhir.example-ehr.com/api/FHIR/R4.",
      });
    }
    if (url.search || url.hash || url.username || url.password)
      ctx.addIssue({ code: "custom", message: "The FHIR base URL has no query, fragment or user name in it." });
    else if (url.protocol !== "https:" && !allowsPlainHttp(url))
      ctx.addIssue({ code: "custom", message: "The FHIR base URL must start with https://." });
  })
  .transform((v) => v.replace(/\/+$/, ""));

export const ehrSettingsSchema = z.object({
  fhirBaseUrl: fhirBaseSchema,
  clientId: z.string().trim().min(1, "Enter the client ID the EHR gave the portal.").max(500),
  authMethod: z.enum(["private_key_jwt", "client_secret_basic"], { error: "Choose how the portal signs in." }),
  // Empty keeps the secret already saved.
  clientSecret: z
    .string()
    .max(2000, "Use at most 2000 characters.")
    .optional()
    .transform((v) => v?.trim() || undefined),
  preparedFor: z.enum(["initials", "first-name", "none"], { error: "Choose what “Prepared for” shows." }),
});

export type EhrSettingsInput = z.output<typeof ehrSettingsSchema>;
