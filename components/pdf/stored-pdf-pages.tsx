"use client";

import { useEffect, useState } from "react";
import { PdfPages } from "./pdf-pages";

/**
 * A stored PDF drawn by PdfPages, fetched from `src` once the page is on screen. The handout's page used to
 * carry the bytes (~70 kB) in its RSC payload, and so did every Generate's answer (a server action's
 * redirect brings the page it leads to): serialised, and compressed, on the request thread each time. The
 * route lets the browser keep its copy and revalidate it by SHA-256.
 */
export function StoredPdfPages({ src, pages, label }: { src: string; pages: number; label: string }) {
  // What was fetched, and for which `src`: a change of `src` shows nothing stale meanwhile.
  const [loaded, setLoaded] = useState<{ src: string; pdf: Uint8Array | null } | null>(null);
  const pdf = loaded?.src === src ? loaded.pdf : null;
  const failed = loaded?.src === src && !loaded.pdf;
  useEffect(() => {
    const abort = new AbortController();
    fetch(src, { signal: abort.signal, credentials: "same-origin" })
      .then((res) => {
        if (!res.ok) throw new Error(`${res.status}`);
        return res.arrayBuffer();
      })
      .then((bytes) => setLoaded({ src, pdf: new Uint8Array(bytes) }))
      .catch((err) => {
        if (abort.signal.aborted) return;
        console.error("stored-pdf-pages:", err);
        setLoaded({ src, pdf: null });
      });
    return () => abort.abort();
  }, [src]);
  return (
    <>
      {failed && (
        <p className="rounded border-l-4 border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The PDF could not be loaded. Reload the page, or use Download PDF.
        </p>
      )}
      <PdfPages pdf={pdf} pages={pages} label={label} />
    </>
  );
}
