// The project's own source files, read as text, for tests that check a rule across all of them.
import fs from "node:fs";
import path from "node:path";

const CODE = /\.(ts|tsx|mts|js|mjs|cjs)$/;
const SKIP = new Set(["node_modules", ".next", ".data", ".git", "test-results", "playwright-report", "public"]);

/** Code files under `dirs` (relative to the project root, "." for the top-level files only), as posix paths. */
export function sourceFiles(...dirs: string[]): string[] {
  const walk = (dir: string, deep: boolean): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = dir === "." ? e.name : `${dir}/${e.name}`;
      if (e.isDirectory()) return deep && !SKIP.has(e.name) && p !== "lib/generated" ? walk(p, true) : [];
      return CODE.test(e.name) && !e.name.endsWith(".d.ts") && !e.name.endsWith(".d.mts") ? [p] : [];
    });
  return dirs.flatMap((d) => walk(d, d !== "."));
}

/** The text without comments, so a comment that names a file or a variable is not taken for code. */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");
}

export const readSource = (file: string) => withoutComments(fs.readFileSync(path.resolve(file), "utf8"));
