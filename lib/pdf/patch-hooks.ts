// What our patches to react-pdf and pdfkit (patches/, indexed in patches/README.md) hand back to this code.
// The patches stay plain JavaScript and publish their hooks on globalThis under the Symbol.for keys below; this
// module is the only code that reads them. Where product code asks, a hook whose patch was not applied reads as
// absent: the render is then slower, never different.

const KEYS = {
  /** patches/@react-pdf+layout+5.2.0.patch: `() => Promise`, starts yoga (WebAssembly) once. */
  startYoga: "handout-portal.startYoga",
  /** patches/@react-pdf+layout+5.2.0.patch: `{ clear() }`, the laid-out lines of texts seen before. */
  textLayoutCache: "handout-portal.textLayoutCache",
  /** patches/@react-pdf+layout+5.2.0.patch: `{ clear() }`, the first-pass layout of page blocks seen before. */
  boxCache: "handout-portal.boxCache",
  /** patches/pdfkit+0.20.1.patch: `{ clear() }`, the encoded font subsets. */
  subsetCache: "handout-portal.subsetCache",
  /** patches/@react-pdf+textkit+7.0.1.patch: a RegExp, text that may need the bidi algorithm. */
  mayNeedBidi: "handout-portal.mayNeedBidi",
  /** patches/@react-pdf+layout+5.2.0.patch: a RegExp, text that may hold an emoji. */
  mayHoldEmoji: "handout-portal.mayHoldEmoji",
} as const;

type Clearable = { clear(): void };

function hook<T>(name: keyof typeof KEYS): T | undefined {
  return (globalThis as Record<symbol, T | undefined>)[Symbol.for(KEYS[name])];
}

/** Starts the layout engine now rather than in the first render (a render thread calls it as it loads). */
export function startYoga(): Promise<unknown> | undefined {
  return hook<() => Promise<unknown>>("startYoga")?.();
}

/** Empties the caches the patched layout and pdfkit keep in this thread (tests compare cold and warm renders). */
export function clearPatchedRenderCaches(): void {
  for (const name of ["textLayoutCache", "boxCache", "subsetCache"] as const) hook<Clearable>(name)?.clear();
}

/**
 * The character tests behind two skips (bidi in textkit, the emoji pattern in layout); present once those
 * modules are loaded. Throws when absent, so a test of them cannot pass without the patches.
 */
export function fastPathPattern(name: "mayNeedBidi" | "mayHoldEmoji"): RegExp {
  const pattern = hook<RegExp>(name);
  if (!(pattern instanceof RegExp))
    throw new Error(`${KEYS[name]} is not set: is its patch applied (npm install runs patch-package)?`);
  return pattern;
}

// patches/@react-pdf+renderer+4.9.0.patch: the container of `pdf()` lays out the whole document, then draws
// only its first `pageLimit` pages, and leaves how many pages there were in `laidOutPages`.
type PageLimited = { pageLimit?: number; laidOutPages?: number };

/** Draw only the first `pages` pages of the next render of this `pdf()` container (undefined: all of them). */
export function setPageLimit(container: object, pages: number | undefined): void {
  (container as PageLimited).pageLimit = pages;
}

/** How many pages the last render laid out, drawn or not; undefined without the patch. */
export function laidOutPages(container: object): number | undefined {
  return (container as PageLimited).laidOutPages;
}
