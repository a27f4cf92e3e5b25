// Guide-parsing thread (piscina), loaded by lib/guides/import/parse-pool.ts. Plain JavaScript for the same
// reason as lib/pdf/render-thread.mjs: it is loaded by path at run time, outside the Next bundle, and brings in the
// TypeScript parser through tsx.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { move, transferableSymbol, valueSymbol } from "piscina";
import { register } from "tsx/esm/api";
import { lowerThreadPriority } from "../../server/thread-priority.mjs";

// Pages before parsing, as before renders: a clinic's zip or table being read keeps both cores busy, and
// another clinic's pages would otherwise wait behind it (lib/server/thread-priority.mjs).
lowerThreadPriority();

register({ tsconfig: path.join(process.cwd(), "tsconfig.json") });
const load = (/** @type {string} */ file) =>
  import(pathToFileURL(path.join(process.cwd(), "lib", "guides", "import", file)).href);
const { parseGuideMarkdown } = await load("parse-markdown.ts");
const { checkGuideZip } = await load("zip-check.ts");

// `{ zip, zipName }` from the zip import; `{ markdown, images }` from the editor (pictures the text may name);
// else the text itself.
/** @param {any} input what parse-pool.ts sends: checked here, field by field */
export default function parse(input) {
  if (input && typeof input === "object" && input.zip instanceof Uint8Array) {
    const result = checkGuideZip(input.zip, input.zipName);
    // The pictures' bytes are moved to the request thread, not copied.
    return result.ok ? move({ [transferableSymbol]: [result.bytes.buffer], [valueSymbol]: result }) : result;
  }
  if (input && typeof input === "object" && typeof input.markdown === "string")
    return parseGuideMarkdown(input.markdown, { images: input.images });
  return parseGuideMarkdown(input);
}
