// Render worker thread (piscina). Plain JavaScript on purpose: it is loaded by path at run time, outside the
// Next bundle, and brings in the TypeScript renderer through tsx. Fonts and the layout engine load once
// per thread, and a warm-up render runs before the first real job.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: path.join(process.cwd(), "tsconfig.json") });
const load = (file) => import(pathToFileURL(path.join(process.cwd(), file)).href);
const { renderHandoutPdf } = await load("lib/pdf/render.ts");
const { WARMUP_INPUT } = await load("lib/pdf/warmup.ts");
await renderHandoutPdf(WARMUP_INPUT);

export default async function render(input) {
  return renderHandoutPdf(input);
}
