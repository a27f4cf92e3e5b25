"use client";

import { useEffect, useRef, useState } from "react";
import type { Unprintable } from "@/lib/handouts/printable";

// Changes closer together than this (typing) are sent once they pause; a change after a pause (a tick, the
// first key) is sent at once: bench:preview measured the wait as a third of the time to the new page.
const DEBOUNCE_MS = 150;

export type PreviewState = {
  pdf: Uint8Array | null;
  pages: number;
  unprintable: Unprintable[];
  updating: boolean;
  error: string | null;
  revision: number;
};

/**
 * The real PDF for the builder's form (handouts/preview/route.ts), fetched again after every change: at
 * once after a pause, at the end of a burst. A newer change aborts the request before it, and responses are
 * numbered: one older than what is on screen is dropped, so a slow render can never replace a newer one.
 * `allPages`: the PDF has every page; otherwise only page 1 (the page count comes in a header either way).
 */
export function usePdfPreview(
  clinicId: string,
  form: React.RefObject<HTMLFormElement | null>,
  change: string,
  allPages: boolean,
): PreviewState {
  const [state, setState] = useState<PreviewState>({
    pdf: null,
    pages: 0,
    unprintable: [],
    updating: true,
    error: null,
    revision: 0,
  });
  const sent = useRef(0);
  const shown = useRef(0);
  const inFlight = useRef<AbortController | null>(null);
  const lastChange = useRef(-Infinity);

  useEffect(() => {
    const now = performance.now();
    const burst = now - lastChange.current < DEBOUNCE_MS;
    lastChange.current = now;
    let live = true;
    const send = async () => {
      if (!live || !form.current) return;
      const seq = ++sent.current;
      inFlight.current?.abort();
      const controller = (inFlight.current = new AbortController());
      setState((s) => ({ ...s, updating: true }));
      try {
        const body = new FormData(form.current);
        // The server draws page 1 only unless every page is shown.
        if (allPages) body.set("allPages", "1");
        const res = await fetch(`/clinics/${clinicId}/handouts/preview`, {
          method: "POST",
          body,
          signal: controller.signal,
        });
        if (seq < shown.current) return;
        if (!res.ok || res.headers.get("content-type") !== "application/pdf") {
          const message =
            res.status === 429
              ? "The PDF service is busy; the preview will catch up in a moment."
              : res.status === 401
                ? "You were signed out. Sign in again to see the preview."
                : res.status === 403 && res.headers.get("content-type")?.startsWith("text/plain")
                  ? await res.text()
                  : "The preview is not available.";
          shown.current = seq;
          setState((s) => ({ ...s, updating: seq !== sent.current, error: message }));
          return;
        }
        const pdf = new Uint8Array(await res.arrayBuffer());
        if (seq < shown.current) return;
        shown.current = seq;
        const unprintable = JSON.parse(
          decodeURIComponent(res.headers.get("x-handout-unprintable") ?? "%5B%5D"),
        ) as Unprintable[];
        setState({
          pdf,
          pages: Number(res.headers.get("x-handout-pages") ?? 0),
          unprintable,
          updating: seq !== sent.current,
          error: null,
          revision: seq,
        });
      } catch (err) {
        if (controller.signal.aborted || seq < shown.current) return;
        setState((s) => ({
          ...s,
          updating: false,
          error: `The preview could not be updated (${err instanceof Error ? err.message : "network error"}).`,
        }));
      }
    };
    // A change waiting out the debounce is already "updating": what is on screen is not the form any more.
    if (burst) setState((s) => (s.updating ? s : { ...s, updating: true }));
    // Not a timer after a pause: a microtask runs before the builder's deferred re-render (reading levels).
    const timer = burst ? setTimeout(send, DEBOUNCE_MS) : undefined;
    if (!burst) queueMicrotask(send);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [clinicId, form, change, allPages]);

  useEffect(() => () => inFlight.current?.abort(), []);
  return state;
}
