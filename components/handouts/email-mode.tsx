"use client";

import { useEffect, useRef, useState } from "react";
import { ATTACHMENT_NOTICE } from "@/lib/deliveries/schemas";

export type EmailMode = "LINK" | "ATTACHMENT";

/**
 * What the patient email carries. The link is the default whenever the handout has a working one: the email
 * then holds no health information at all. Attaching the PDF asks the clinician to confirm the notice that
 * email is not encrypted, and the choice is kept on the delivery.
 */
export function EmailModeChoice({
  id,
  hasLink,
  mode,
  onMode,
  errors,
  noticeSeen = false,
}: {
  id: string;
  hasLink: boolean;
  mode: EmailMode;
  onMode: (m: EmailMode) => void;
  errors: Record<string, string[] | undefined>;
  // Ticked when the form comes back (a question about the address): the clinician already confirmed it.
  noticeSeen?: boolean;
}) {
  const noticeError = errors.attachmentNotice;
  // React resets a form after its action returns, which puts the radios back to how they were first drawn
  // while `mode` stays: drawing them afresh after each reset keeps what is shown equal to what is sent.
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const [drawn, setDrawn] = useState(0);
  useEffect(() => {
    const form = fieldset.current?.form;
    const redraw = () => setDrawn((n) => n + 1);
    form?.addEventListener("reset", redraw);
    return () => form?.removeEventListener("reset", redraw);
  }, []);
  return (
    <>
      <fieldset ref={fieldset} key={drawn} className="mb-4">
        <legend className="text-sm font-medium text-slate-800">What the email carries</legend>
        <label className="mt-2 flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="mode"
            value="LINK"
            checked={mode === "LINK"}
            disabled={!hasLink}
            onChange={() => onMode("LINK")}
            className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
          />
          <span>
            <span className="font-medium">The patient link only</span>
            <span className="block text-slate-600">
              {hasLink
                ? "No health information in the email: the handout stays behind the link."
                : "This handout has no working patient link."}
            </span>
          </span>
        </label>
        <label className="mt-2 flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="mode"
            value="ATTACHMENT"
            checked={mode === "ATTACHMENT"}
            onChange={() => onMode("ATTACHMENT")}
            className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
          />
          <span className="font-medium">The PDF attached</span>
        </label>
        {errors.mode && <p className="mt-1 text-sm font-medium text-red-800">{errors.mode.join(" ")}</p>}
      </fieldset>
      {mode === "ATTACHMENT" && (
        <div className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p>{ATTACHMENT_NOTICE}</p>
          <label className="mt-2 flex items-start gap-2">
            <input
              type="checkbox"
              name="attachmentNotice"
              value="seen"
              defaultChecked={noticeSeen}
              aria-invalid={noticeError ? true : undefined}
              aria-describedby={noticeError ? `${id}-notice-error` : undefined}
              className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
            />
            <span>I have read this, and the patient wants the PDF attached.</span>
          </label>
          {noticeError && (
            <p id={`${id}-notice-error`} className="mt-1 font-medium text-red-800">
              {noticeError.join(" ")}
            </p>
          )}
        </div>
      )}
    </>
  );
}
