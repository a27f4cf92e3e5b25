import { Font } from "@react-pdf/renderer";
import { FONT_FAMILY } from "@/lib/pdf/fonts";
import { textWidth, type Measurable } from "@/lib/pdf/line-breaks";

/** DejaVu Sans as fontkit reads it (fonts.ts loads it before a render starts; a plain renderToBuffer may not have yet). */
export const measuringFont = (bold = false) =>
  Font.getFont({ fontFamily: FONT_FAMILY, fontWeight: bold ? 700 : 400, fontStyle: "normal" })?.data as
    Measurable | null | undefined;

/** How wide `text` prints at `size` points, in the regular or bold face. */
export const measure = (text: string, size: number, bold = false) => textWidth(text, size, measuringFont(bold));
