"use client";

import { useEffect, useRef, useState } from "react";
import { announceSignedOut } from "@/components/portal/signed-out";
import { clearBackup, writeBackup } from "@/components/handouts/draft-backup";

const SAVE_AFTER_MS = 800;

/** What a draft became when another tab (or this one, before Back) generated it. */
export type BecameHandout = { id: string; title: string; preparedFor: string | null; createdAt: string };

export type DraftStatus = {
  draftId: string | null;
  savedAt: Date | null;
  saving: boolean;
  // Why the latest change is not saved: the connection, the session, or another tab saved meanwhile.
  failed: null | "network" | "signed-out" | { refused: string };
  stale: { savedAt: Date; revision: number } | null;
  // The draft is closed: generated (with the handout, when it was) or discarded.
  gone: { handout: BecameHandout | null } | null;
  dirty: boolean;
  /** "Keep this tab's version": the next save overwrites what another tab saved. */
  keepMine: () => void;
};

/**
 * Saves the builder's form as a draft on the server a moment after each change (drafts/route.ts), so a
 * reload, a lost connection or an expired session loses nothing: until the server has a change, the form is
 * also kept in this tab's sessionStorage (draft-backup.ts), and brought back after signing in again. Each
 * save names the revision it started from; one from a tab that fell behind another is refused (`stale`).
 * `dirty` is true while a change is not saved yet: leaving then asks first (useLeaveGuard).
 */
export function useDraft(
  clinicId: string,
  form: React.RefObject<HTMLFormElement | null>,
  change: string,
  initial: { draftId?: string; revision?: number; restored?: boolean },
  stopped = false,
): DraftStatus {
  const [status, setStatus] = useState<Omit<DraftStatus, "keepMine">>({
    draftId: initial.draftId ?? null,
    savedAt: null,
    saving: false,
    failed: null,
    stale: null,
    gone: null,
    dirty: !!initial.restored,
  });
  // A restored form is a change the server has not seen yet.
  const first = useRef(initial.restored ? null : change);
  const draftId = useRef(initial.draftId ?? null);
  const revision = useRef(initial.revision ?? 1);
  const force = useRef(false);
  const latest = useRef(0);
  const [retry, setRetry] = useState(0);

  useEffect(() => {
    // Once Generate is pressed, or the draft is closed, the draft's job is done.
    if (change === first.current || stopped || status.gone) return;
    const seq = ++latest.current;
    setStatus((s) => ({ ...s, dirty: true }));
    if (form.current) writeBackup(clinicId, form.current, draftId.current);
    const timer = setTimeout(async () => {
      if (!form.current) return;
      const body = new FormData(form.current);
      if (draftId.current) {
        body.set("draftId", draftId.current);
        body.set("revision", String(revision.current));
        if (force.current) body.set("force", "1");
      }
      setStatus((s) => ({ ...s, saving: true }));
      try {
        const res = await fetch(`/clinics/${clinicId}/drafts`, { method: "POST", body });
        if (res.status === 401) {
          announceSignedOut();
          return setStatus((s) => ({ ...s, saving: false, failed: "signed-out" }));
        }
        if (res.status === 403) {
          // Opened at an address that is not the portal's (APP_URL): the answer names the right one.
          const { error } = (await res.json()) as { error: string };
          return setStatus((s) => ({ ...s, saving: false, failed: { refused: error } }));
        }
        if (res.status === 410) {
          const { handout } = (await res.json()) as { handout: BecameHandout | null };
          clearBackup(clinicId);
          return setStatus((s) => ({ ...s, saving: false, dirty: false, gone: { handout } }));
        }
        if (res.status === 409) {
          const stale = (await res.json()) as { revision: number; savedAt: string };
          return setStatus((s) => ({
            ...s,
            saving: false,
            stale: { revision: stale.revision, savedAt: new Date(stale.savedAt) },
          }));
        }
        if (!res.ok) throw new Error(String(res.status));
        const saved = (await res.json()) as { id: string; revision: number; savedAt: string };
        // The address now names the draft, so a reload (or a sign-in after the session ran out) reopens it;
        // only while the builder is still the page shown.
        const builder = `/clinics/${clinicId}/handouts/new`;
        if (draftId.current !== saved.id && window.location.pathname === builder)
          window.history.replaceState(null, "", `${builder}?draft=${saved.id}`);
        draftId.current = saved.id;
        revision.current = saved.revision;
        force.current = false;
        if (seq === latest.current) {
          // The server has everything typed: nothing of the patient stays in the browser.
          clearBackup(clinicId);
          setStatus((s) => ({
            ...s,
            draftId: saved.id,
            savedAt: new Date(saved.savedAt),
            saving: false,
            failed: null,
            stale: null,
            dirty: false,
          }));
        } else setStatus((s) => ({ ...s, draftId: saved.id }));
      } catch {
        setStatus((s) => ({ ...s, saving: false, failed: "network" }));
      }
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [clinicId, form, change, stopped, retry, status.gone]);

  // Shown again from history (Back after Generate, the browser's back-forward cache), the page is as it was
  // when it was left: ask whether its draft is still open, and close it here if it became a handout.
  useEffect(() => {
    const check = async () => {
      if (!draftId.current) return;
      const res = await fetch(`/clinics/${clinicId}/drafts?id=${encodeURIComponent(draftId.current)}`, {
        cache: "no-store",
      }).catch(() => null);
      if (res?.status !== 410) return;
      const { handout } = (await res.json()) as { handout: BecameHandout | null };
      clearBackup(clinicId);
      setStatus((s) => ({ ...s, saving: false, dirty: false, gone: { handout } }));
    };
    void check();
    const shown = (e: PageTransitionEvent) => e.persisted && void check();
    window.addEventListener("pageshow", shown);
    return () => window.removeEventListener("pageshow", shown);
  }, [clinicId]);

  return {
    ...status,
    keepMine: () => {
      force.current = true;
      first.current = null;
      setStatus((s) => ({ ...s, stale: null }));
      setRetry((n) => n + 1);
    },
  };
}

/**
 * While `dirty`, leaving the page asks first: closing or reloading the tab (beforeunload) and following a
 * link inside the portal (a click on any same-site link, menus included, which beforeunload does not see).
 */
export function useLeaveGuard(
  dirty: boolean,
  onLeave?: () => void,
  message = "Your latest changes are not saved yet. Leave anyway?",
) {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    const click = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      // A link marked data-keeps-work (sign in again) leaves with the form kept in the browser (draft-backup.ts).
      if (
        !link ||
        link.target === "_blank" ||
        link.hasAttribute("download") ||
        link.hasAttribute("data-keeps-work") ||
        e.defaultPrevented
      )
        return;
      if (new URL(link.href, location.href).origin !== location.origin) return;
      if (!confirm(message)) {
        e.preventDefault();
        e.stopPropagation();
      } else onLeave?.();
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [dirty, message, onLeave]);
}
