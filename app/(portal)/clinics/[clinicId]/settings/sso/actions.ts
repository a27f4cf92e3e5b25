"use server";

import { revalidatePath } from "next/cache";
import { clinicAction } from "@/lib/actions";
import { ssoSettingsSchema } from "@/lib/sso/schemas";
import { updateSsoSettings } from "@/lib/sso/settings";
import type { FormState } from "@/lib/forms";

export const updateSsoSettingsAction = clinicAction(
  { schema: ssoSettingsSchema, roles: ["OWNER"] },
  async (ctx, input): Promise<FormState> => {
    await updateSsoSettings(ctx, input);
    revalidatePath(`/clinics/${ctx.clinic.id}/settings/sso`);
    const message = !input.enabled
      ? "Saved. Single sign-on is off: members sign in with their passwords."
      : `Saved. People with an address at ${input.domains.join(", ")} can sign in with single sign-on${input.requireSso ? ", and members (but owners) can no longer use a password" : ""}.`;
    return { ok: true, message };
  },
);
