import crypto from "node:crypto";
import { createElement } from "react";
import { renderToBuffer } from "@react-pdf/renderer";
import { HandoutDocument } from "@/lib/pdf/document";
import { registerFonts } from "@/lib/pdf/fonts";
import type { HandoutPdfInput, RenderedPdf } from "@/lib/pdf/types";

// Page objects in the output; react-pdf writes each page dictionary uncompressed.
export function countPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Renders in this thread. The app goes through the worker pool (pool.ts); tests and the bench call this. */
export async function renderHandoutPdf(input: HandoutPdfInput): Promise<RenderedPdf> {
  registerFonts();
  const bytes = await renderToBuffer(createElement(HandoutDocument, { input }) as Parameters<typeof renderToBuffer>[0]);
  return { bytes, pages: countPages(bytes), sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
}
