"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import type { DraftStatus } from "./use-draft";

const time = (d: Date) => d.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });

/** "Sign in again", back to this page (whose form this tab keeps meanwhile: draft-backup.ts). */
export function SignInAgain() {
  return (
    <>
      {" "}
      <a
        href="/login"
        data-keeps-work=""
        onClick={(e) => {
          e.currentTarget.href = `/login?notice=expired&callbackUrl=${encodeURIComponent(location.pathname + location.search)}`;
        }}
        className="font-medium underline"
      >
        Sign in again
      </a>
      : what you typed here comes back.
    </>
  );
}

/** What happened to this draft elsewhere: saved from another tab, made into a handout, discarded. */
export function DraftNotices({ clinicId, draft }: { clinicId: string; draft: DraftStatus }) {
  if (draft.gone?.handout) {
    const h = draft.gone.handout;
    return (
      <Alert tone="warning">
        <p className="font-semibold">
          This draft became the handout “{h.title}”{h.preparedFor ? ` for ${h.preparedFor}` : ""} at{" "}
          {time(new Date(h.createdAt))}, in this or another tab.
        </p>
        <p className="mt-1">Changes here are no longer saved, and it cannot be generated again.</p>
        <p className="mt-2 flex flex-wrap gap-3">
          <Link href={`/clinics/${clinicId}/handouts/${h.id}`} className={buttonClass("primary")}>
            Open the handout
          </Link>
          <Link href={`/clinics/${clinicId}/handouts/new?from=${h.id}`} className={buttonClass("secondary")}>
            Duplicate and edit
          </Link>
        </p>
      </Alert>
    );
  }
  if (draft.gone) {
    return (
      <Alert tone="warning">
        This draft was discarded (or was more than 7 days old), so changes here are not saved.{" "}
        <Link href={`/clinics/${clinicId}/handouts/new`} className="font-medium underline">
          Start a new handout
        </Link>
        .
      </Alert>
    );
  }
  if (draft.stale) {
    return (
      <Alert tone="warning">
        <p className="font-semibold">
          You saved this draft in another tab or window at {time(draft.stale.savedAt)}, after this tab opened it.
        </p>
        <p className="mt-1">
          This tab&apos;s latest changes are not saved, so neither version is lost. Choose which one to keep:
        </p>
        <p className="mt-2 flex flex-wrap gap-3">
          <a href={`/clinics/${clinicId}/handouts/new?draft=${draft.draftId}`} className={buttonClass("secondary")}>
            Load the other tab&apos;s version
          </a>
          <button type="button" onClick={draft.keepMine} className={buttonClass("primary")}>
            Keep this tab&apos;s version
          </button>
        </p>
      </Alert>
    );
  }
  return null;
}
