import type { PDFDocumentLoadingTask, PDFWorker } from "pdfjs-dist";

type PdfJs = typeof import("pdfjs-dist");

let loading: Promise<{ pdfjs: PdfJs; worker: PDFWorker }> | null = null;

// pdf.js is imported on first use only, in the browser: it stays out of the server bundle and out of every
// page that shows no PDF. One worker serves every document (starting one parses its 1 MB script again).
function load() {
  loading ??= import("pdfjs-dist").then(
    (pdfjs) => {
      // Copied there by lib/cli/copy-pdfjs-worker.mjs at install time: our own origin, matching this version.
      pdfjs.GlobalWorkerOptions.workerSrc = `/pdfjs/pdf.worker-${pdfjs.version}.min.mjs`;
      return { pdfjs, worker: new pdfjs.PDFWorker() };
    },
    (err) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

export async function isRenderingCancelled(err: unknown) {
  const { pdfjs } = await load();
  return err instanceof pdfjs.RenderingCancelledException;
}

/**
 * Opens PDF bytes with nothing fetched from anywhere: our handouts embed every font (lib/pdf/fonts.ts), so no
 * standard-font data, CMaps, system fonts or wasm decoders are needed; no eval either (the CSP forbids it).
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentLoadingTask> {
  const { pdfjs, worker } = await load();
  return pdfjs.getDocument({
    // pdf.js transfers the buffer to its worker; a copy keeps the caller's bytes usable.
    data: bytes.slice(),
    worker,
    isEvalSupported: false,
    useSystemFonts: false,
    useWasm: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
  });
}
