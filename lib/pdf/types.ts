import type { Layout } from "@/lib/handouts/printed/model";

export type { Layout };

/**
 * The print layout rules a handout is drawn with. A stored handout renders again byte for byte from what it
 * stored (lib/handouts/stored-input.ts), so a rule that moves anything on the page is a new layout, and each
 * handout keeps the one it was printed with (its options snapshot, whose schema lists the numbers it can
 * hold; rows from before layouts were numbered read as 1). 1: the first print rules. 2: warning-sign
 * sections boxed, labelled and kept on one page when they fit; the contact block may end a page apart from
 * the references and disclaimer that follow it. A new handout is printed in the current one.
 */
export const LAYOUTS = [1, 2] as const satisfies readonly Layout[];
export const CURRENT_LAYOUT: Layout = 2;

// `pages`: how many pages the handout has, even when only the first was drawn (RenderOptions.firstPageOnly).
export type RenderedPdf = { bytes: Buffer; pages: number; sha256: string };

// The builder's preview shows page 1 until "Show all N pages" is asked for: the whole document is laid out
// (so the page count and page 1 are exactly the handout's) but only page 1 is drawn, subset and written.
export type RenderOptions = { firstPageOnly?: boolean };
