import crypto from "node:crypto";
import { createElement } from "react";
import { pdf } from "@react-pdf/renderer";
import { HandoutDocument } from "@/lib/pdf/document";
import { registerFonts } from "@/lib/pdf/fonts";
import type { HandoutPdfInput, RenderedPdf } from "@/lib/pdf/types";

// Page objects in the output; react-pdf writes each page dictionary uncompressed.
export function countPages(pdfBytes: Buffer): number {
  return (pdfBytes.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/**
 * Renders in this thread. The app goes through the worker pool (pool.ts); tests and the bench call this.
 * Uses `pdf()` rather than `renderToBuffer` so the React root can be unmounted afterwards: renderToBuffer
 * never unmounts, and each render then keeps ~0.85 MB alive (measured with tests/bench/pdf.ts).
 */
export async function renderHandoutPdf(input: HandoutPdfInput, opts: { fastPagination?: boolean } = {}): Promise<RenderedPdf> {
  registerFonts();
  const element = createElement(HandoutDocument, { input, fastPagination: opts.fastPagination ?? true });
  const instance = pdf(element as Parameters<typeof pdf>[0]);
  try {
    const stream = await instance.toBuffer();
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => resolve());
      stream.on("error", reject);
    });
    const bytes = Buffer.concat(chunks);
    return { bytes, pages: countPages(bytes), sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
  } finally {
    await new Promise<void>((resolve) => instance.updateContainer(null as never, () => resolve()));
  }
}
