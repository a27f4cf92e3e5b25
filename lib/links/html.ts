// The patient page is plain HTML written on the server, with no script at all (its CSP has no script-src):
// every value goes through `esc`, every attribute through `attr`, and markup is only ever built here.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text content: nothing in it can open a tag or an entity. */
export const esc = (value: string | number): string => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A double-quoted attribute value. */
export const attr = (value: string | number): string => `"${esc(value)}"`;

/** Joins pieces of markup, dropping the empty ones (false, null, undefined, ""). */
export const join = (parts: (string | false | null | undefined)[], separator = ""): string =>
  parts.filter(Boolean).join(separator);
