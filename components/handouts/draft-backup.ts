"use client";

import { draftStateFromFormData, draftStateSchema, type DraftState } from "@/lib/handout-drafts/schemas";

// The builder's form while the server does not have it yet (a save in flight, a lost connection, a session
// that ended): kept in this tab's sessionStorage, which the browser drops with the tab, and removed as soon
// as the server has the change, the draft is discarded or made into a handout. After signing in again
// the builder opens at the same address and takes the form back from here (handout-builder.tsx).

const key = (clinicId: string) => `portal:builder:${clinicId}`;

export type Backup = { path: string; draftId: string | null; savedAt: number; state: DraftState };

// Never older than a session can last (12 hours): a form from a morning's unsaved draft is not offered to
// the next patient's handout in the afternoon.
const MAX_AGE_MS = 12 * 60 * 60 * 1000;

export function writeBackup(clinicId: string, form: HTMLFormElement, draftId: string | null) {
  try {
    const state = draftStateSchema.safeParse(draftStateFromFormData(new FormData(form)));
    if (!state.success) return;
    const backup: Backup = {
      path: location.pathname + location.search,
      draftId,
      savedAt: Date.now(),
      state: state.data,
    };
    sessionStorage.setItem(key(clinicId), JSON.stringify(backup));
  } catch {
    // Storage full or turned off: the server-side draft is still saved as usual.
  }
}

/** The backup for this builder page (same address, or the same draft), if there is one. */
export function readBackup(clinicId: string, draftId: string | undefined): Backup | null {
  try {
    const raw = sessionStorage.getItem(key(clinicId));
    if (!raw) return null;
    const backup = JSON.parse(raw) as Backup;
    if (!(Date.now() - backup.savedAt < MAX_AGE_MS)) return null;
    const here = location.pathname + location.search;
    if (backup.path !== here && !(draftId && backup.draftId === draftId)) return null;
    const state = draftStateSchema.safeParse(backup.state);
    return state.success ? { ...backup, state: state.data } : null;
  } catch {
    return null;
  }
}

export function clearBackup(clinicId?: string) {
  try {
    if (clinicId) return sessionStorage.removeItem(key(clinicId));
    for (const k of Object.keys(sessionStorage)) if (k.startsWith("portal:builder:")) sessionStorage.removeItem(k);
  } catch {
    // Nothing to clear.
  }
}
