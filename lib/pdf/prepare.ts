import { printableText } from "@/lib/printable/coverage";
import { fontFamilyFor } from "@/lib/pdf/fonts";
import type { HandoutPdfInput } from "@/lib/handouts/printed/model";

// Copies only what changes: most inputs need no cleaning at all.
function mapStrings<T>(value: T, seen: string[]): T {
  if (typeof value === "string") {
    const text = printableText(value);
    seen.push(text);
    return text as T;
  }
  if (!value || typeof value !== "object" || value instanceof Uint8Array) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, v] of Object.entries(value)) {
    const mapped = mapStrings(v, seen);
    if (mapped === v) continue;
    copy ??= (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
    copy[key] = mapped;
  }
  return (copy ?? value) as T;
}

export type PreparedInput = { input: HandoutPdfInput; fontFamily: string[] };
const prepared = new WeakMap<HandoutPdfInput, PreparedInput>();

/**
 * The input with every string as the PDF sets it (coverage.ts printableText), and the fontFamily list its
 * text needs. Every field is walked, so a field added later cannot bring in a character the fonts miss.
 * Kept per input object: the renderer asks first (to read the fonts), then the document.
 */
export function preparePdfInput(input: HandoutPdfInput): PreparedInput {
  let result = prepared.get(input);
  if (!result) {
    const seen: string[] = [];
    const clean = mapStrings(input, seen);
    result = { input: clean, fontFamily: fontFamilyFor(seen.join("\n")) };
    prepared.set(input, result);
  }
  return result;
}
