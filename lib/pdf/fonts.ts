import path from "node:path";
import { Font } from "@react-pdf/renderer";

export const FONT_FAMILY = "DejaVu Sans";
let registered = false;

// Registered once per process (each worker thread is its own process-level module graph): re-registering
// makes react-pdf reload and re-parse the TTFs.
export function registerFonts() {
  if (registered) return;
  const dir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: path.join(dir, "DejaVuSans.ttf") },
      { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
      { src: path.join(dir, "DejaVuSans-Oblique.ttf"), fontStyle: "italic" },
      { src: path.join(dir, "DejaVuSans-BoldOblique.ttf"), fontWeight: "bold", fontStyle: "italic" },
    ],
  });
  // Whole words only: patient text reads better unhyphenated.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
