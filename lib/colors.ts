// WCAG 2.1 contrast for clinic colours: one rule for the settings form, the PDF and the patient page.
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  const digits = m ? (m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join("") : m[1]!) : "000000";
  const n = parseInt(digits, 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const DARK_TEXT = "#1a1a1a";

/** The only colour form clinics may set (the branding form) and the PDF will use. */
export const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** `color` when it is a #rrggbb value, else `fallback`: clinic colours come from the database as text. */
export function safeHex(color: string, fallback: string): string {
  return HEX_COLOR.test(color.trim()) ? color.trim() : fallback;
}

/** White text where it reaches 4.5:1 against `background`, dark text otherwise. */
export function textColorOn(background: string): string {
  return contrastRatio("#ffffff", background) >= 4.5 ? "#ffffff" : DARK_TEXT;
}

/** `color` when it is readable as text on white (4.5:1), else a dark fallback. */
export function readableOnWhite(color: string): string {
  return contrastRatio(color, "#ffffff") >= 4.5 ? color : DARK_TEXT;
}
