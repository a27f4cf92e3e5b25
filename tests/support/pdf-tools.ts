// poppler-utils and qpdf, run on real PDF bytes written to a temporary file.
import { execFileSync } from "node:child_process";
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

export const pdftotext = (bytes: Buffer, mode: "-layout" | "-raw" = "-raw") => withPdfFile(bytes, (f) => run("pdftotext", [mode, f, "-"]));
/** The text of each page, in order (pdftotext separates pages with a form feed). */
export const pdftotextPages = (bytes: Buffer, mode: "-layout" | "-raw" = "-layout") =>
  pdftotext(bytes, mode)
    .split("\f")
    .filter((page, i, all) => i < all.length - 1 || page.trim() !== "");
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
/** Every link target (/URI) in the PDF. */
export const linkTargets = (bytes: Buffer) => [...qpdfQdf(bytes).matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1]!);
/** Page 1 as a PNG at 60 dpi, written to `file` (which must end in .png). */
export const renderPage1 = (bytes: Buffer, file: string) =>
  withPdfFile(bytes, (f) => run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", f, file.replace(/\.png$/, "")]));
