// Guide-parsing worker thread (piscina), loaded by lib/guides/parse-pool.ts. Plain JavaScript for the same
// reason as lib/pdf/worker.mjs: it is loaded by path at run time, outside the Next bundle, and brings in the
// TypeScript parser through tsx.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: path.join(process.cwd(), "tsconfig.json") });
const { parseGuideMarkdown } = await import(pathToFileURL(path.join(process.cwd(), "lib", "guides", "parse-markdown.ts")).href);

// `{ markdown, images }` from the editor and the zip import (pictures the text may name), else the text itself.
export default function parse(input) {
  if (input && typeof input === "object" && typeof input.markdown === "string") return parseGuideMarkdown(input.markdown, { images: input.images });
  return parseGuideMarkdown(input);
}
