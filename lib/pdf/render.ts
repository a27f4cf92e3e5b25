import crypto from "node:crypto";
import { Component, createElement, type ReactNode } from "react";
import { pdf } from "@react-pdf/renderer";
import { HandoutDocument } from "@/lib/pdf/document";
import { loadFonts, readPrimaryFonts } from "@/lib/pdf/fonts";
import { laidOutPages, setPageLimit, startYoga } from "@/lib/pdf/patch-hooks";
import { preparePdfInput } from "@/lib/pdf/prepare";
import type { HandoutPdfInput } from "@/lib/handouts/printed/model";
import type { RenderedPdf, RenderOptions } from "@/lib/pdf/types";

// Page objects in the output; react-pdf writes each page dictionary uncompressed.
export function countPages(pdfBytes: Buffer): number {
  return (pdfBytes.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

// A render thread reads the primary fonts and starts the layout engine (yoga, WebAssembly: a hook of the
// layout patch, lib/pdf/patch-hooks.ts) as it loads this module, so that its first render does not. Dates
// come formatted in the printed model, so a render thread loads no ICU date data.
await Promise.all([readPrimaryFonts(), startYoga()]);

type Instance = ReturnType<typeof pdf>;
let instance: Instance | undefined;
let renders = 0;
let queue: Promise<unknown> = Promise.resolve();

function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

// React logs an error thrown while rendering and unmounts the tree; react-pdf then keeps the container's
// previous document, so the shared root below would hand out the last patient's handout. The boundary
// records the error so the render fails instead, and each render starts with an empty container.
class RenderErrorBoundary extends Component<{ sink: { error?: unknown }; children?: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    this.props.sink.error = error;
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

async function renderOnce(
  input: HandoutPdfInput,
  fastPagination: boolean,
  firstPageOnly: boolean,
): Promise<RenderedPdf> {
  await loadFonts(preparePdfInput(input).fontFamily);
  instance ??= pdf();
  const current = instance;
  const container = current.container as { document: unknown };
  container.document = null;
  setPageLimit(container, firstPageOnly ? 1 : undefined);
  const sink: { error?: unknown } = {};
  // A new key remounts the whole tree, so every render starts from scratch as with a fresh root.
  const element = createElement(
    RenderErrorBoundary,
    { key: ++renders, sink },
    createElement(HandoutDocument, { input, fastPagination }),
  );
  await new Promise<void>((resolve) => current.updateContainer(element as never, () => resolve()));
  if (sink.error !== undefined) throw sink.error;
  if (!container.document) throw new Error("The handout document did not render.");
  const bytes = await streamToBuffer(await current.toBuffer());
  // Laid out, not drawn: with firstPageOnly the bytes hold page 1 alone.
  return {
    bytes,
    pages: laidOutPages(container) ?? countPages(bytes),
    sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
  };
}

/**
 * Renders in this thread. The app goes through the worker pool (pool.ts); tests and the bench call this.
 * One React root serves every render, one at a time: react-pdf's `renderToBuffer` makes a root per call, and
 * React's scheduler keeps every root it ever saw linked together, so each call leaked its whole fiber tree
 * (~0.85 MB a render, measured with tests/bench/pdf.ts).
 */
export function renderHandoutPdf(
  input: HandoutPdfInput,
  opts: RenderOptions & { fastPagination?: boolean } = {},
): Promise<RenderedPdf> {
  const result = queue.then(() => renderOnce(input, opts.fastPagination ?? true, opts.firstPageOnly ?? false));
  queue = result.catch(() => undefined);
  return result;
}
