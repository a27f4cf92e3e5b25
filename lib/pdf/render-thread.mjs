// Render worker thread (piscina). Plain JavaScript on purpose: pool.ts loads it by an absolute path built at
// run time, outside the Next bundle, and it brings in the TypeScript renderer through tsx. Fonts and the
// layout engine load once per thread, and throw-away renders run before the thread takes its first job.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";
import { workerData } from "piscina";
import { lowerThreadPriority } from "../server/thread-priority.mjs";

// Pages before renders (lib/server/thread-priority.mjs); the pool says how much lower (PDF_RENDER_NICE).
const nice = lowerThreadPriority(workerData?.nice);

register({ tsconfig: path.join(process.cwd(), "tsconfig.json") });
const load = (/** @type {string} */ file) => import(pathToFileURL(path.join(process.cwd(), file)).href);
const { renderHandoutPdf } = await load("lib/pdf/render.ts");
const { warmUp } = await load("lib/pdf/warmup.ts");
await warmUp(renderHandoutPdf);

/** @param {{ input: unknown, options: unknown }} job checked by render.ts's own types on the pool's side */
export default async function render({ input, options }) {
  return renderHandoutPdf(input, options);
}

/** Answers once the module above has loaded and warmed up: the pool's start-up check. */
export function ready() {
  return { nice };
}
