"use client";

// Placeholder until the pdf.js viewer lands: the page count only.
export function PdfPages({ pages, label }: { pdf: Uint8Array | null; pages: number; label: string }) {
  return (
    <div role="document" aria-label={label} className="rounded border border-slate-300 bg-white p-4 text-sm text-slate-700">
      {pages ? `${pages} page${pages === 1 ? "" : "s"}` : "Preparing the preview…"}
    </div>
  );
}
