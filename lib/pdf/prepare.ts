import { printableText } from "@/lib/pdf/coverage";
import { fontFamilyFor } from "@/lib/pdf/fonts";
import type { HandoutPdfInput } from "@/lib/pdf/types";

function mapStrings<T>(value: T, seen: string[]): T {
  if (typeof value === "string") {
    const text = printableText(value);
    seen.push(text);
    return text as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, seen)) as T;
  if (value && typeof value === "object" && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, seen)])) as T;
  }
  return value;
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
