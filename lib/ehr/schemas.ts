import { z } from "zod";
import { serverUrlSchema } from "@/lib/sso/schemas";

const fhirBaseSchema = serverUrlSchema(
  "The FHIR base URL",
  "Enter the FHIR base URL of your EHR (its SMART “iss”).",
  "https://fhir.example-ehr.com/api/FHIR/R4",
).transform((v) => v.replace(/\/+$/, ""));

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
