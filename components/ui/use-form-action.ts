"use client";

import { useActionState } from "react";
import { unstable_rethrow } from "next/navigation";
import { SERVER_ACTION_BODY_LIMIT } from "@/lib/limits.mjs";
import type { FormState } from "@/lib/forms";
import { announceSignedOut } from "@/components/portal/signed-out";

function formBytes(formData: FormData): number {
  let bytes = 0;
  for (const [key, value] of formData.entries()) bytes += key.length + (typeof value === "string" ? new Blob([value]).size : value.size) + 200;
  return bytes;
}

/**
 * useActionState for forms that carry files or long text: a form larger than the server accepts is stopped
 * here with a message on the form instead of failing on the server, and a request that never got an answer
 * (connection lost, server restarting) says so instead of replacing the page with an error screen.
 */
export function useFormAction<S extends FormState<unknown>>(action: (prev: S, formData: FormData) => Promise<S>, initial: S) {
  return useActionState<S, FormData>(async (prev: S, formData: FormData): Promise<S> => {
    const bytes = formBytes(formData);
    if (bytes > SERVER_ACTION_BODY_LIMIT) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      return { ok: false, message: `This is too large to send (${mb(bytes)} MB; the limit is ${mb(SERVER_ACTION_BODY_LIMIT)} MB). Choose a smaller file or shorten the text.` } as S;
    }
    try {
      const result = await action(prev, formData);
      if (result.signedOut) announceSignedOut();
      return result;
    } catch (err) {
      // A redirect() from the action arrives as a thrown navigation: let the router have it.
      unstable_rethrow(err);
      const tooLarge = err instanceof Error && /body exceeded|too large|413/i.test(err.message);
      return {
        ok: false,
        message: tooLarge
          ? "This is too large to send. Choose a smaller file or shorten the text."
          : "The form could not be sent: the connection failed or the server did not answer. Check your connection and try again.",
      } as S;
    }
  }, initial as Awaited<S>);
}
