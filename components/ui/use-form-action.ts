"use client";

import { useActionState } from "react";
import { unstable_rethrow } from "next/navigation";
import { SERVER_ACTION_BODY_LIMIT } from "@/lib/limits.mjs";
import { formValues, type FormState } from "@/lib/forms";
import { announceSignedOut } from "@/components/portal/signed-out";

/** A file field's own limit, and what the file is, for the message: `{ logo: { maxBytes, noun: "a logo" } }`. */
export type FileLimits = Record<string, { maxBytes: number; noun: string }>;

const mb = (n: number) => `${Number((n / 1024 / 1024).toFixed(1))} MB`;

function formBytes(formData: FormData): number {
  let bytes = 0;
  for (const [key, value] of formData.entries())
    bytes += key.length + (typeof value === "string" ? new Blob([value]).size : value.size) + 200;
  return bytes;
}

/** Each chosen file larger than its field's limit, as a message on that field naming the file and the limit. */
export function oversizedFiles(formData: FormData, limits: FileLimits): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const [name, { maxBytes, noun }] of Object.entries(limits)) {
    for (const file of formData.getAll(name)) {
      if (!(file instanceof File) || file.size <= maxBytes) continue;
      (errors[name] ??= []).push(
        `“${file.name}” is ${mb(file.size)}: ${noun} can be at most ${mb(maxBytes)}. Choose a smaller file.`,
      );
    }
  }
  return errors;
}

/**
 * useActionState for forms that carry files or long text. Checked in the browser before anything is sent: each
 * file against its own field's limit (`files`), then the whole form against the largest body the server
 * accepts, each with a message on the form instead of a failure on the server. A request that never got an
 * answer (connection lost, server restarting) says so instead of replacing the page with an error screen.
 */
export function useFormAction<S extends FormState<unknown>>(
  action: (prev: S, formData: FormData) => Promise<S>,
  initial: S,
  files: FileLimits = {},
) {
  return useActionState<S, FormData>(async (prev: S, formData: FormData): Promise<S> => {
    const oversized = oversizedFiles(formData, files);
    if (Object.keys(oversized).length)
      return {
        ok: false,
        message: "Please correct the highlighted fields.",
        fieldErrors: oversized,
        values: formValues(formData),
      } as S;
    const bytes = formBytes(formData);
    if (bytes > SERVER_ACTION_BODY_LIMIT) {
      return {
        ok: false,
        message: `This is too large to send (${mb(bytes)}; the limit is ${mb(SERVER_ACTION_BODY_LIMIT)}). Shorten the text and try again.`,
        values: formValues(formData),
      } as S;
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
