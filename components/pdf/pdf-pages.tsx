"use client";

import { useLayoutEffect, useRef, useState } from "react";
import type { PDFDocumentLoadingTask, RenderTask } from "pdfjs-dist";
import { isRenderingCancelled, openPdf } from "./pdfjs";

// A Letter page 2048 px wide is 2650 px tall: ~22 MB of canvas. Enough for a 1024 px column on a 2x screen.
const MAX_CANVAS_WIDTH = 2048;
const RESIZE_SETTLE_MS = 150;

// What a drawing was made from: the component is busy while what is on screen is not the current one.
type Source = { pdf: Uint8Array; px: number; showAll: boolean };
type Painted = {
  source: Source;
  revision: number;
  numPages: number;
  images: HTMLCanvasElement[];
  texts: string[][] | null;
};

/**
 * The PDF itself, drawn by pdf.js on canvas at the column's width and the screen's pixel density: page 1, or
 * every page on request. A new `pdf` is drawn off screen and swapped in whole, so the previous image stays
 * until the new one is ready, and a drawing still under way for an older `pdf` is cancelled, so it can
 * never replace a newer one. Each page is an image named "Page n of N", followed by its text for screen
 * readers. `revision` (the builder's preview number) is echoed in data-painted-revision once drawn.
 */
export function PdfPages({
  pdf,
  pages,
  label,
  revision = 0,
  showAll: shownAll,
  onShowAll,
}: {
  pdf: Uint8Array | null;
  pages: number;
  label: string;
  revision?: number;
  // Controlled by a parent that fetches a PDF of page 1 only until every page is asked for (the builder).
  showAll?: boolean;
  onShowAll?: (all: boolean) => void;
}) {
  const [ownShowAll, setOwnShowAll] = useState(false);
  const showAll = shownAll ?? ownShowAll;
  const setShowAll = (all: boolean) => (onShowAll ? onShowAll(all) : setOwnShowAll(all));
  const [painted, setPainted] = useState<Painted | null>(null);
  const [failed, setFailed] = useState<Source | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const size = useDeviceWidth(frame);

  // A layout effect: the drawing starts as soon as the new pdf is committed, not after the next frame.
  useLayoutEffect(() => {
    if (!pdf || !size) return;
    let cancelled = false;
    let loadingTask: PDFDocumentLoadingTask | null = null;
    const tasks: RenderTask[] = [];
    const source = { pdf, px: size.px, showAll };

    (async () => {
      const started = performance.now();
      loadingTask = await openPdf(pdf);
      if (cancelled) return void loadingTask.destroy();
      const doc = await loadingTask.promise;
      const opened = performance.now();
      const shown = showAll ? doc.numPages : 1;
      const images = await Promise.all(
        Array.from({ length: shown }, async (_, i) => {
          const page = await doc.getPage(i + 1);
          const base = page.getViewport({ scale: 1 });
          const viewport = page.getViewport({ scale: Math.min(size.px, MAX_CANVAS_WIDTH) / base.width });
          const canvas = document.createElement("canvas");
          canvas.width = Math.round(viewport.width);
          canvas.height = Math.round(viewport.height);
          canvas.setAttribute("role", "img");
          // A preview PDF may hold page 1 only; `pages` is the handout's count.
          canvas.setAttribute("aria-label", `Page ${i + 1} of ${pages || doc.numPages}`);
          // A ring, not a border: a border would narrow the box the canvas is drawn to fit.
          canvas.className = "block h-auto w-full rounded bg-white shadow-sm ring-1 ring-slate-300";
          const task = page.render({ canvas, viewport });
          tasks.push(task);
          await task.promise;
          return canvas;
        }),
      );
      if (cancelled) return;
      mark("pdf-pages:open", started, opened, revision);
      mark("pdf-pages:draw", opened, performance.now(), revision);
      setPainted({ source, revision, numPages: doc.numPages, images, texts: null });
      // Once the image is on screen: the text is for screen readers and need not hold up the picture.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      if (cancelled) return;
      const texts = await Promise.all(
        images.map((_, i) =>
          doc
            .getPage(i + 1)
            .then((p) => p.getTextContent())
            .then(textLines),
        ),
      );
      if (cancelled) return;
      setPainted((p) => (p?.images === images ? { ...p, texts } : p));
    })().catch(async (err) => {
      if (cancelled || (await isRenderingCancelled(err).catch(() => false))) return;
      console.error("pdf-pages:", err);
      setFailed(source);
    });

    return () => {
      cancelled = true;
      for (const t of tasks) t.cancel();
      void loadingTask?.destroy();
    };
  }, [pdf, pages, size, showAll, revision]);

  const current = (s: Source | null | undefined) => !!s && s.pdf === pdf && s.px === size?.px && s.showAll === showAll;
  const drawing = !!pdf && !!size && !current(painted?.source) && !current(failed);
  const error = current(failed) ? "The PDF could not be drawn in this browser." : null;
  const count = pages || painted?.numPages || 0;
  return (
    <div role="group" aria-label={label} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
        <p>
          {count === 0
            ? "Preparing the preview…"
            : count === 1
              ? "1 page"
              : showAll
                ? `Showing all ${count} pages`
                : `Showing page 1 of ${count}`}
        </p>
        {count > 1 && (
          <button
            type="button"
            onClick={() => setShowAll(!showAll)}
            className="font-medium text-brand-700 underline hover:text-brand-800"
          >
            {showAll ? "Show page 1 only" : `Show all ${count} pages`}
          </button>
        )}
      </div>
      {error && (
        <p className="rounded border-l-4 border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-900">{error}</p>
      )}
      <div ref={frame} data-painted-revision={painted?.revision} aria-busy={drawing} className="space-y-4">
        {painted ? (
          painted.images.map((image, i) => (
            <div key={i}>
              <PageCanvas image={image} />
              {painted.texts?.[i] && (
                <div className="sr-only">
                  {painted.texts[i].map((line, j) => (
                    <p key={j}>{line}</p>
                  ))}
                </div>
              )}
            </div>
          ))
        ) : (
          <div className="flex aspect-[17/22] items-center justify-center rounded border border-slate-300 bg-white text-sm text-slate-600">
            {error ? "No preview" : "Drawing the PDF…"}
          </div>
        )}
      </div>
    </div>
  );
}

// The canvas pdf.js drew on is put on the page as it is (no copy); React only owns the box around it.
// It comes named ("Page 1 of 4") and with role img from the drawing job.
function PageCanvas({ image }: { image: HTMLCanvasElement }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    box.current?.replaceChildren(image);
  }, [image]);
  return <div ref={box} />;
}

/** The box's width in device pixels (CSS width × devicePixelRatio), settled after a resize. */
function useDeviceWidth(ref: React.RefObject<HTMLDivElement | null>) {
  const [size, setSize] = useState<{ px: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => Math.round(el.clientWidth * (window.devicePixelRatio || 1));
    setSize({ px: measure() });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setSize((s) => (s?.px === measure() ? s : { px: measure() })), RESIZE_SETTLE_MS);
    });
    observer.observe(el);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [ref]);
  return size && size.px > 0 ? size : null;
}

type TextContent = Awaited<ReturnType<import("pdfjs-dist").PDFPageProxy["getTextContent"]>>;

function textLines(content: TextContent): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of content.items) {
    if (!("str" in item)) continue;
    line += item.str;
    if (item.hasEOL) {
      if (line.trim()) lines.push(line.trim());
      line = "";
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

// User Timing entries for DevTools and `npm run bench:preview`; only the latest of each is kept.
function mark(name: string, start: number, end: number, revision: number) {
  performance.clearMeasures(name);
  performance.measure(name, { start, end, detail: { revision } });
}
