"use client";

// Something on the page learned that the session has ended (a 401 from the builder's saves, a form action
// answered `signedOut`): the idle warning (idle-warning.tsx) then offers to sign in again, back to this page.
const EVENT = "portal:signed-out";

export function announceSignedOut() {
  window.dispatchEvent(new Event(EVENT));
}

export function onSignedOut(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
