"use server";

import { publicAction } from "@/lib/actions";
import { enrolmentSchema } from "@/lib/accounts/second-factor-schemas";
import { completeEnrolment } from "@/lib/accounts/second-step";
import type { FormState } from "@/lib/forms";

// Setting up an authenticator while signing in (a clinic of the member requires one): signed in once the
// first code is right; the recovery codes come back to be shown once.
export const enrolDuringSignInAction = publicAction(
  { schema: enrolmentSchema },
  async (info, input): Promise<FormState<{ codes: string[] }>> => {
    const codes = await completeEnrolment(input, info);
    return { ok: true, data: { codes } };
  },
);
