// poppler-utils and qpdf, run on real PDF bytes written to a temporary file.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function withPdfFile<T>(bytes: Buffer, fn: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pdf-test-"));
  const file = path.join(dir, "handout.pdf");
  fs.writeFileSync(file, bytes);
  try {
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });

export const pdftotext = (bytes: Buffer, mode: "-layout" | "-raw" = "-raw") =>
  withPdfFile(bytes, (f) => run("pdftotext", [mode, f, "-"]));
/** The text of each page, in order (pdftotext separates pages with a form feed). */
export const pdftotextPages = (bytes: Buffer, mode: "-layout" | "-raw" = "-layout") =>
  pdftotext(bytes, mode)
    .split("\f")
    .filter((page, i, all) => i < all.length - 1 || page.trim() !== "");
/** pdftotext's default reading order: it puts the words of a right-to-left line back in logical order. */
export const pdftotextReading = (bytes: Buffer) => withPdfFile(bytes, (f) => run("pdftotext", [f, "-"]));
export type TextLine = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
/** The text lines of one page with their boxes (pdftotext -bbox-layout: each word's box spans its font's ascent and descent). */
export const textLines = (bytes: Buffer, page = 1): TextLine[] =>
  withPdfFile(bytes, (f) => run("pdftotext", ["-bbox-layout", "-f", String(page), "-l", String(page), f, "-"]))
    .split("</line>")
    .flatMap((chunk) => {
      const box = /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/.exec(chunk);
      if (!box) return [];
      const words = [...chunk.slice(box.index).matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((m) => m[1]!);
      const [xMin, yMin, xMax, yMax] = box.slice(1, 5).map(Number) as [number, number, number, number];
      return [{ text: words.join(" "), xMin, yMin, xMax, yMax }];
    });
export const pdfinfo = (bytes: Buffer) => withPdfFile(bytes, (f) => run("pdfinfo", [f]));
export const pdffonts = (bytes: Buffer) => withPdfFile(bytes, (f) => run("pdffonts", [f]));
export const qpdfCheck = (bytes: Buffer) => withPdfFile(bytes, (f) => run("qpdf", ["--check", f]));
/** The PDF with every object uncompressed, to look for actions and link targets. */
export const qpdfQdf = (bytes: Buffer) =>
  withPdfFile(bytes, (f) => {
    const out = `${f}.qdf`;
    execFileSync("qpdf", ["--qdf", "--object-streams=disable", f, out]);
    return fs.readFileSync(out, "latin1");
  });
/**
 * What the PDF holds, independent of how its streams were compressed: the SHA-256 of qpdf's uncompressed
 * copy (with a fixed /ID). zlib's output may differ between machines and Node versions; what it decompresses
 * to does not.
 */
export const contentFingerprint = (bytes: Buffer) =>
  withPdfFile(bytes, (f) => {
    execFileSync("qpdf", ["--qdf", "--object-streams=disable", "--static-id", f, `${f}.qdf`]);
    return crypto
      .createHash("sha256")
      .update(fs.readFileSync(`${f}.qdf`))
      .digest("hex");
  });
/** Every link target (/URI) in the PDF. */
export const linkTargets = (bytes: Buffer) => [...qpdfQdf(bytes).matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1]!);
/** Page 1 as a PNG at 60 dpi, written to `file` (which must end in .png). */
export const renderPage1 = (bytes: Buffer, file: string) =>
  withPdfFile(bytes, (f) =>
    run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", f, file.replace(/\.png$/, "")]),
  );

/** Page `page` as RGBA pixels at `dpi` (pdftoppm's PPM output, read here: no image library needed). */
export function renderPageRgba(
  bytes: Buffer,
  page: number,
  dpi: number,
): { data: Uint8ClampedArray; width: number; height: number } {
  const ppm = withPdfFile(bytes, (f) =>
    execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", f], {
      maxBuffer: 256 * 1024 * 1024,
    }),
  );
  const header = ppm
    .subarray(0, 64)
    .toString("latin1")
    .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  if (!header) throw new Error("pdftoppm did not write a PPM");
  const [width, height] = [Number(header[1]), Number(header[2])];
  const rgb = ppm.subarray(header[0].length);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = rgb[i * 3]!;
    data[i * 4 + 1] = rgb[i * 3 + 1]!;
    data[i * 4 + 2] = rgb[i * 3 + 2]!;
    data[i * 4 + 3] = 255;
  }
  return { data, width, height };
}
export type PdfImageRow = { page: number; type: string; width: number; height: number; xPpi: number; yPpi: number };
/** `pdfimages -list`: every image drawn, with its pixel size and its resolution at the size placed. */
export const pdfimagesList = (bytes: Buffer): PdfImageRow[] =>
  withPdfFile(bytes, (f) => run("pdfimages", ["-list", f]))
    .split("\n")
    .slice(2)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const c = line.trim().split(/\s+/);
      return {
        page: Number(c[0]),
        type: c[2]!,
        width: Number(c[3]),
        height: Number(c[4]),
        xPpi: Number(c[12]),
        yPpi: Number(c[13]),
      };
    });
