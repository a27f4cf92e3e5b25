import { hasGlyph, leftToEmoji } from "@/lib/printable/coverage";
import type { FontId } from "@/lib/pdf/font-files";

// Which embedded fonts a document lists, from what its text needs (the fonts' code points: lib/printable).

const CJK_ORDER: readonly FontId[] = ["sc", "tc", "jp", "kr"];
const isKana = (cp: number) =>
  (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9f);
const isHangul = (cp: number) =>
  (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f);
const isHan = (cp: number) =>
  (cp >= 0x4e00 && cp <= 0x9fff) ||
  (cp >= 0x3400 && cp <= 0x4dbf) ||
  (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0x20000 && cp <= 0x3ffff);

/**
 * The fonts a text needs, in the order react-pdf should try them: DejaVu Sans, then only the fallbacks that
 * draw one of its characters. Han characters have regional forms, so the CJK font whose language the text
 * looks like comes first: Japanese with kana, Korean with Hangul, Traditional Chinese when every Han
 * character is in Big5 (the Traditional font's set), else Simplified.
 */
export function fontsFor(text: string): FontId[] {
  const pending = new Set<number>();
  let kana = false;
  let hangul = false;
  let han = false;
  let simplified = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x7f || (hasGlyph("dejavu", cp) && !leftToEmoji(cp))) continue;
    pending.add(cp);
    kana ||= isKana(cp);
    hangul ||= isHangul(cp);
    if (isHan(cp)) {
      han = true;
      simplified ||= !hasGlyph("tc", cp);
    }
  }
  if (!pending.size) return ["dejavu"];
  const first: FontId = kana ? "jp" : hangul ? "kr" : han && !simplified ? "tc" : "sc";
  const order: FontId[] = ["emoji", first, ...CJK_ORDER.filter((id) => id !== first)];
  const needed = new Set<FontId>();
  for (const cp of pending) {
    const font = order.find((id) => hasGlyph(id, cp));
    if (font) needed.add(font);
  }
  return ["dejavu", ...order.filter((id) => needed.has(id))];
}
