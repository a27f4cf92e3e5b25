import path from "node:path";

// The fonts a handout can embed, all from npm, in fallback order: react-pdf takes each character from the
// first font in a text's fontFamily list that has a glyph for it. DejaVu Sans covers Latin (Vietnamese
// included), Greek, Cyrillic, Hebrew and Arabic (shaped by fontkit, reordered by textkit's bidi step).
// Noto Emoji (monochrome) draws emoji, and the Noto Sans CJK fonts of @embedpdf/fonts-* draw Chinese,
// Japanese and Korean: whole OpenType files that cover all of GB 2312, Big5, JIS X 0208 and KS X 1001,
// with compact line metrics (ascent 0.88, descent 0.12 em) that sit inside DejaVu's, so a line mixing
// scripts is no taller than a Latin one. Google's sliced Noto Sans SC/TC/JP/KR (@fontsource) were
// measured too: 273 MB installed against 145 MB, 2,068 Big5 characters missing, and line metrics
// (1.16 + 0.29 em) that overflow a 1.25 line height. Each font is read only when a document needs it.
export type FontId = "dejavu" | "emoji" | "sc" | "tc" | "jp" | "kr";

export type FontFaces = { regular: string; bold?: string; italic?: string; boldItalic?: string };
export type FontFile = { id: FontId; family: string; faces: FontFaces };

export const FONT_FILES: readonly FontFile[] = [
  {
    id: "dejavu",
    family: "DejaVu Sans",
    faces: {
      regular: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
      bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
      italic: "dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf",
      boldItalic: "dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf",
    },
  },
  // The unsliced file: the numbered @fontsource slices would split the ligatures of ZWJ sequences and flags.
  {
    id: "emoji",
    family: "Noto Emoji",
    faces: { regular: "@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff" },
  },
  {
    id: "sc",
    family: "Noto Sans SC",
    faces: {
      regular: "@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf",
      bold: "@embedpdf/fonts-sc/fonts/NotoSansHans-Bold.otf",
    },
  },
  {
    id: "tc",
    family: "Noto Sans TC",
    faces: {
      regular: "@embedpdf/fonts-tc/fonts/NotoSansHant-Regular.otf",
      bold: "@embedpdf/fonts-tc/fonts/NotoSansHant-Bold.otf",
    },
  },
  {
    id: "jp",
    family: "Noto Sans JP",
    faces: {
      regular: "@embedpdf/fonts-jp/fonts/NotoSansJP-Regular.otf",
      bold: "@embedpdf/fonts-jp/fonts/NotoSansJP-Bold.otf",
    },
  },
  {
    id: "kr",
    family: "Noto Sans KR",
    faces: {
      regular: "@embedpdf/fonts-kr/fonts/NotoSansKR-Regular.otf",
      bold: "@embedpdf/fonts-kr/fonts/NotoSansKR-Bold.otf",
    },
  },
];

export const PRIMARY_FONT = FONT_FILES[0]!;

/** A face's file, from the working directory: in a Next bundle this code lives under .next/. */
export function fontPath(file: string): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", file);
}

/** The file for each of the four faces react-pdf asks for; a face a font lacks falls back to a drawn one. */
export function faceFiles(font: FontFile) {
  const { regular, bold = regular, italic = regular, boldItalic = bold } = font.faces;
  return [
    { fontWeight: "normal", fontStyle: "normal", file: regular },
    { fontWeight: "bold", fontStyle: "normal", file: bold },
    { fontWeight: "normal", fontStyle: "italic", file: italic },
    { fontWeight: "bold", fontStyle: "italic", file: boldItalic },
  ] as const;
}
