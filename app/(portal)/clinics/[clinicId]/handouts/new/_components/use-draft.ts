"use client";

import { useEffect, useRef, useState } from "react";

const SAVE_AFTER_MS = 800;

export type DraftStatus = { draftId: string | null; savedAt: Date | null; saving: boolean; failed: boolean; dirty: boolean };

/**
 * Saves the builder's form as a draft on the server a moment after each change (drafts/route.ts), so a
 * reload, a lost connection or an expired session loses nothing. `dirty` is true while a change is not
 * saved yet: leaving then asks first (useLeaveGuard).
 */
export function useDraft(clinicId: string, form: React.RefObject<HTMLFormElement | null>, change: string, initialDraftId?: string, stopped = false): DraftStatus {
  const [status, setStatus] = useState<DraftStatus>({ draftId: initialDraftId ?? null, savedAt: null, saving: false, failed: false, dirty: false });
  const first = useRef(change);
  const draftId = useRef(initialDraftId ?? null);
  const latest = useRef(0);

  useEffect(() => {
    // Once Generate is pressed the draft's job is done (the handout replaces it).
    if (change === first.current || stopped) return;
    const seq = ++latest.current;
    setStatus((s) => ({ ...s, dirty: true }));
    const timer = setTimeout(async () => {
      if (!form.current) return;
      const body = new FormData(form.current);
      if (draftId.current) body.set("draftId", draftId.current);
      setStatus((s) => ({ ...s, saving: true }));
      try {
        const res = await fetch(`/clinics/${clinicId}/drafts`, { method: "POST", body });
        if (res.status === 410) return setStatus((s) => ({ ...s, saving: false, dirty: false }));
        if (!res.ok) throw new Error(String(res.status));
        const saved = (await res.json()) as { id: string; savedAt: string };
        // The address now names the draft, so a reload (or a sign-in after the session ran out) reopens it;
        // only while the builder is still the page shown.
        const builder = `/clinics/${clinicId}/handouts/new`;
        if (draftId.current !== saved.id && window.location.pathname === builder) window.history.replaceState(null, "", `${builder}?draft=${saved.id}`);
        draftId.current = saved.id;
        if (seq === latest.current) setStatus({ draftId: saved.id, savedAt: new Date(saved.savedAt), saving: false, failed: false, dirty: false });
        else setStatus((s) => ({ ...s, draftId: saved.id }));
      } catch {
        setStatus((s) => ({ ...s, saving: false, failed: true }));
      }
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [clinicId, form, change, stopped]);

  return status;
}

/**
 * While `dirty`, leaving the page asks first: closing or reloading the tab (beforeunload) and following a
 * link inside the portal (a click on any same-site link, menus included, which beforeunload does not see).
 */
export function useLeaveGuard(dirty: boolean, message = "Your latest changes are not saved yet. Leave anyway?") {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    const click = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || link.hasAttribute("download") || e.defaultPrevented) return;
      if (new URL(link.href, location.href).origin !== location.origin) return;
      if (!confirm(message)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [dirty, message]);
}
