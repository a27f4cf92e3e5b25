"use server";

import { cookies } from "next/headers";
import { publicAction } from "@/lib/actions";
import { flowCookieName, flowCookieOptions } from "@/lib/sso/flow-cookie";
import { startSignOnSchema } from "@/lib/sso/schemas";
import { startSignOn } from "@/lib/sso/start";
import type { FormState } from "@/lib/forms";

// The form sends the browser on itself (location.assign): a form post answered with a redirect to another
// site would be stopped by the portal's CSP (form-action 'self').
export const startSignOnAction = publicAction(
  { schema: startSignOnSchema },
  async (_info, { email, callbackUrl }): Promise<FormState<{ url: string }>> => {
    const { url, flowCookie } = await startSignOn(email, callbackUrl);
    (await cookies()).set(flowCookieName(), flowCookie, flowCookieOptions());
    return { ok: true, data: { url } };
  },
);
