"use client";

import { useEffect, useRef, useState } from "react";
import { IDLE_TIMEOUT_MS, TOUCH_EVERY_MS, WARN_BEFORE_MS } from "@/lib/accounts/session-limits";
import { buttonClass } from "@/components/ui/button";
import { onSignedOut } from "@/components/portal/signed-out";

// The server ends a session after IDLE_TIMEOUT_MS without a request (it notes requests at most once a
// minute, so the warning comes that much earlier). Every request this page makes counts: navigations,
// actions, the builder's preview and draft saves all go through fetch, which is watched here.
const WARN_AT_MS = IDLE_TIMEOUT_MS - WARN_BEFORE_MS - TOUCH_EVERY_MS;

export function IdleWarning() {
  const lastContact = useRef(0);
  const [phase, setPhase] = useState<"active" | "warning" | "expired">("active");
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    lastContact.current = Date.now();
    const original = window.fetch;
    window.fetch = async (...args) => {
      const res = await original(...args);
      const url = new URL(args[0] instanceof Request ? args[0].url : String(args[0]), location.href);
      if (url.origin === location.origin) {
        if (res.status === 401) setPhase("expired");
        else lastContact.current = Date.now();
      }
      return res;
    };
    const signedOut = onSignedOut(() => setPhase("expired"));
    const tick = setInterval(() => {
      const idle = Date.now() - lastContact.current;
      setPhase(idle >= IDLE_TIMEOUT_MS - TOUCH_EVERY_MS ? "expired" : idle >= WARN_AT_MS ? "warning" : "active");
    }, 5_000);
    return () => {
      window.fetch = original;
      clearInterval(tick);
      signedOut();
    };
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (phase === "active" && d.open) d.close();
    if (phase !== "active" && !d.open) d.showModal();
  }, [phase]);

  async function stay() {
    const res = await fetch("/api/session", { method: "POST" });
    setPhase(res.ok ? "active" : "expired");
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby="idle-title"
      className="max-w-md rounded-lg border border-slate-300 p-6 shadow-xl backdrop:bg-slate-900/40"
    >
      {phase === "expired" ? (
        <>
          <h2 id="idle-title" className="text-lg font-semibold">
            You were signed out
          </h2>
          <p className="mt-2 text-slate-700">
            Your session ended, so changes from now on are not saved. Sign in again to carry on here: in the handout
            builder, what you typed is kept in this browser and comes back after you sign in.
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            {/* The address is read when clicked: the builder's changes when its draft is first saved. */}
            <a
              href="/login"
              data-keeps-work=""
              onClick={(e) => {
                e.currentTarget.href = `/login?notice=expired&callbackUrl=${encodeURIComponent(location.pathname + location.search)}`;
              }}
              className={buttonClass("primary")}
            >
              Sign in again
            </a>
            <button type="button" onClick={() => dialog.current?.close()} className={buttonClass("secondary")}>
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id="idle-title" className="text-lg font-semibold">
            Still there?
          </h2>
          <p className="mt-2 text-slate-700">
            For the patients’ privacy you will be signed out in about two minutes without activity.
          </p>
          <button type="button" onClick={stay} autoFocus className={buttonClass("primary", "mt-4")}>
            Stay signed in
          </button>
        </>
      )}
    </dialog>
  );
}
