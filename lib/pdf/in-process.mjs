// The renderer for when the worker threads cannot start (pool.ts falls back to it, with a warning). Plain
// JavaScript loaded by path, like render-thread.mjs, so the Next bundle never holds react-pdf's React tree; tsx
// loads the TypeScript renderer in its own namespace, leaving the rest of the server process untouched.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = process.cwd();
const renderer = await tsImport(pathToFileURL(path.join(root, "lib", "pdf", "render.ts")).href, {
  parentURL: import.meta.url,
  tsconfig: path.join(root, "tsconfig.json"),
});

export const renderHandoutPdf = renderer.renderHandoutPdf;
