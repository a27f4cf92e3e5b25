"use client";

import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { RecipientCheck } from "@/lib/deliveries/schemas";

const when = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });

/**
 * Asks before an email goes out when the address looks mistyped ("did you mean …?") or this handout already went
 * to it: "Use <suggestion>" puts the suggestion in the address field; the submit button sends to the address as
 * typed (its value is the confirmed address). Takes the focus when it appears, like the error summary.
 */
export function RecipientCheckBox({ check }: { check: RecipientCheck | undefined }) {
  const box = useRef<HTMLDivElement>(null);
  const [dismissed, setDismissed] = useState<RecipientCheck | null>(null);
  useEffect(() => {
    if (check) box.current?.focus();
  }, [check]);
  if (!check || dismissed === check) return null;

  const takeSuggestion = (suggestion: string) => {
    const field = box.current?.closest("form")?.elements.namedItem("recipient");
    if (field instanceof HTMLInputElement) {
      field.value = suggestion;
      field.focus();
    }
    setDismissed(check);
  };
  return (
    <div
      ref={box}
      tabIndex={-1}
      className="mb-4 rounded-md border-2 border-amber-700 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <div role="alert">
        <h3 className="font-semibold">Check the address before sending</h3>
        {check.suggestion && (
          <p className="mt-1">
            <strong className="break-words">{check.address}</strong> may be mistyped. Did you mean{" "}
            <strong className="break-words">{check.suggestion}</strong>?
          </p>
        )}
        {check.previous && (
          <p className="mt-1">
            {check.previous.sent
              ? `This handout was already sent to ${check.previous.mask} on ${when(check.previous.at)}.`
              : `This handout is already on its way to ${check.previous.mask} (asked for on ${when(check.previous.at)}).`}{" "}
            Send it again only if the patient asked for it again.
          </p>
        )}
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        {check.suggestion && (
          <button type="button" onClick={() => takeSuggestion(check.suggestion!)} className={buttonClass("primary")}>
            Use {check.suggestion}
          </button>
        )}
        <button type="submit" name="confirmRecipient" value={check.address} className={buttonClass("secondary")}>
          {check.previous && !check.suggestion ? "Send it again" : `Send to ${check.address} as typed`}
        </button>
      </div>
    </div>
  );
}
