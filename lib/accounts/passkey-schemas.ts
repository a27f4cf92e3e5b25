import { z } from "zod";
import { idSchema } from "@/lib/ids";

// The passkey forms, parsed by their actions (lib/actions.ts) and shared with the pages. A browser's answer to
// a ceremony travels as one JSON field; its shape is checked here, its content by @simplewebauthn/server.
const UNREADABLE = "Your passkey's answer could not be read. Try again.";
const b64url = z
  .string()
  .max(16_000, UNREADABLE)
  .regex(/^[A-Za-z0-9_-]*$/, UNREADABLE);
const credentialId = b64url.min(1, UNREADABLE).max(1400, UNREADABLE);

const json = <T extends z.ZodType>(shape: T) =>
  z
    .string({ error: UNREADABLE })
    .max(40_000, UNREADABLE)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: UNREADABLE });
        return z.NEVER;
      }
    })
    .pipe(shape);

const answer = {
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key", UNREADABLE),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

export const registrationResponseSchema = json(
  z.object(
    {
      ...answer,
      response: z.object({
        clientDataJSON: b64url,
        attestationObject: b64url,
        authenticatorData: b64url.optional(),
        transports: z.array(z.string().max(32)).max(10).optional(),
        publicKeyAlgorithm: z.number().int().optional(),
        publicKey: b64url.optional(),
      }),
    },
    UNREADABLE,
  ),
);

export const authenticationResponseSchema = json(
  z.object(
    {
      ...answer,
      response: z.object({
        clientDataJSON: b64url,
        authenticatorData: b64url,
        signature: b64url,
        userHandle: b64url.optional(),
      }),
    },
    UNREADABLE,
  ),
);

export const passkeyNameSchema = z
  .string()
  .trim()
  .min(1, "Give the passkey a name, such as “Work laptop”.")
  .max(60, "Keep the name to 60 characters.");

const callbackUrl = z.string().max(2000).optional();

export const addPasskeySchema = z.object({ response: registrationResponseSchema, name: passkeyNameSchema });
export const renamePasskeySchema = z.object({ passkeyId: idSchema, name: passkeyNameSchema });
export const removePasskeySchema = z.object({ passkeyId: idSchema });
export const passkeySignInSchema = z.object({ response: authenticationResponseSchema, callbackUrl });
export const passkeySecondStepSchema = z.object({
  response: authenticationResponseSchema,
  trust: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
  callbackUrl,
});

export type RegistrationAnswer = z.output<typeof registrationResponseSchema>;
export type AuthenticationAnswer = z.output<typeof authenticationResponseSchema>;
