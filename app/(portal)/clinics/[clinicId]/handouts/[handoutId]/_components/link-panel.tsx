"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button";
import { initialFormState } from "@/lib/forms";
import { revokeLinkAction } from "../actions";

export type LinkPanelData = {
  url: string;
  live: boolean;
  expiresAt: string;
  revokedAt: string | null;
  firstOpenedAt: string | null;
  lastOpenedAt: string | null;
  openCount: number;
};

const when = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });

/**
 * The handout's patient link: whether the patient opened it (first, last, how often; never who), its
 * address to copy, and "Withdraw link", which stops the page and its PDF at once (offered to those who may:
 * the handout's author and managers).
 */
export function LinkPanel({
  clinicId,
  handoutId,
  link,
  voided,
  canWithdraw,
}: {
  clinicId: string;
  handoutId: string;
  link: LinkPanelData;
  voided: boolean;
  canWithdraw: boolean;
}) {
  const [state, action] = useActionState(revokeLinkAction.bind(null, clinicId), initialFormState);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const status = link.revokedAt
    ? `Withdrawn ${when(link.revokedAt)}`
    : voided
      ? "Stopped: the handout is void"
      : link.live
        ? `Works until ${new Date(link.expiresAt).toLocaleDateString("en-US", { dateStyle: "long" })}`
        : `Expired ${when(link.expiresAt)}`;
  return (
    <div data-testid="patient-link">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-700">Status</dt>
        <dd>{status}</dd>
        <dt className="text-slate-700">Opened</dt>
        <dd>
          {link.openCount === 0
            ? "Not opened yet"
            : `${link.openCount === 1 ? "Once" : `${link.openCount} times`}: first ${when(link.firstOpenedAt!)}${link.openCount > 1 ? `, last ${when(link.lastOpenedAt!)}` : ""}`}
        </dd>
      </dl>
      {link.live && (
        <>
          <div className="mt-3 flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1">
              <label htmlFor="patient-link-url" className="block text-sm font-medium text-slate-800">
                Link address
              </label>
              <input
                id="patient-link-url"
                readOnly
                value={link.url}
                onFocus={(e) => e.currentTarget.select()}
                className="mt-1 block w-full rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-xs"
              />
            </div>
            <button
              type="button"
              className={buttonClass("secondary")}
              onClick={async () => {
                await navigator.clipboard.writeText(link.url).catch(() => undefined);
                setCopied(true);
              }}
            >
              Copy link
            </button>
          </div>
          <p role="status" aria-live="polite" className="mt-1 text-sm text-slate-700">
            {copied ? "Copied." : ""}
          </p>
          {state.message && !state.ok && (
            <p role="alert" className="mt-2 text-sm font-medium text-red-800">
              {state.message}
            </p>
          )}
          {!canWithdraw ? (
            <p className="mt-3 text-sm text-slate-700">
              The clinician who made this handout, or an owner or admin, can withdraw its link.
            </p>
          ) : confirming ? (
            <form action={action} className="mt-3 rounded-md border border-red-200 bg-red-50 p-3">
              <p className="mb-2 text-sm text-red-950">
                The patient will no longer be able to open the handout or its PDF through this link. This cannot be
                undone.
              </p>
              <input type="hidden" name="handoutId" value={handoutId} />
              <div className="flex flex-wrap gap-2">
                <SubmitButton variant="danger" pendingText="Withdrawing…">
                  Withdraw link
                </SubmitButton>
                <button type="button" onClick={() => setConfirming(false)} className={buttonClass("secondary")}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} className={`${buttonClass("secondary")} mt-3`}>
              Withdraw link…
            </button>
          )}
        </>
      )}
    </div>
  );
}
