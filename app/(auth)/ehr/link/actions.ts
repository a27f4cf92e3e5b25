"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { ehrCookieOptions, linkCookieName } from "@/lib/ehr/flow-cookie";
import { linkEhrUser } from "@/lib/ehr/identity";
import type { FormState } from "@/lib/forms";

// The signed-in member links the EHR user waiting in this browser's link cookie to their account, then goes
// on to the patient the launch opened. The clinic is checked by clinicAction (a member of it) and again
// against the waiting launch.
export const linkEhrUserAction = clinicAction({ schema: z.object({}) }, async (ctx): Promise<FormState> => {
  const jar = await cookies();
  const launchId = await linkEhrUser(ctx, jar.get(linkCookieName())?.value);
  jar.set(linkCookieName(), "", { ...ehrCookieOptions(), maxAge: 0 });
  redirect(`/clinics/${ctx.clinic.id}/ehr/${launchId}`);
});
