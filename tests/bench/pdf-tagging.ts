// `npm run bench:pdf:tagging`: what tagging (lib/pdf/tags.ts and the react-pdf patches) costs a render. The
// full back-spasms handout is rendered tagged and untagged in turn, in one process (the Document's `tagged`
// prop flipped on the rendered container), so a busy machine slows both alike. A benchmark, not a test.
import fs from "node:fs";
import path from "node:path";

// Production React and react-pdf, as `next start` runs them: set before they load.
Object.assign(process.env, { NODE_ENV: "production" });
const { createElement } = await import("react");
const { pdf } = await import("@react-pdf/renderer");
const { HandoutDocument } = await import("@/lib/pdf/document");
const { loadFonts } = await import("@/lib/pdf/fonts");
const { sampleInput } = await import("@/tests/support/sample-handout");
const logo = new Uint8Array(fs.readFileSync(path.join(process.cwd(), "public", "demo-logo.png")));
const input = sampleInput({ logoPng: logo });

await loadFonts();
const instance = pdf();
let key = 0;
async function render(tagged: boolean): Promise<number> {
  const container = instance.container as { document: { props: Record<string, unknown> } | null };
  container.document = null;
  await new Promise<void>((resolve) =>
    instance.updateContainer(createElement(HandoutDocument, { key: ++key, input }) as never, () => resolve()),
  );
  container.document!.props = { ...container.document!.props, tagged };
  let size = 0;
  for await (const chunk of (await instance.toBuffer()) as AsyncIterable<Buffer>) size += chunk.length;
  return size;
}

for (let i = 0; i < 15; i++) for (const tagged of [true, false]) await render(tagged);
const runs = {
  tagged: { ms: [] as number[], cpuMs: [] as number[], bytes: 0 },
  untagged: { ms: [] as number[], cpuMs: [] as number[], bytes: 0 },
};
for (let i = 0; i < 80; i++) {
  for (const tagged of i % 2 ? [true, false] : [false, true]) {
    const run = runs[tagged ? "tagged" : "untagged"];
    const start = performance.now();
    const cpu = process.cpuUsage();
    run.bytes = await render(tagged);
    const used = process.cpuUsage(cpu);
    run.ms.push(performance.now() - start);
    run.cpuMs.push((used.user + used.system) / 1000);
  }
}
const at = (xs: number[], q: number) =>
  Math.round([...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]! * 10) / 10;
const summary = (r: typeof runs.tagged) => ({
  p10: at(r.ms, 0.1),
  p50: at(r.ms, 0.5),
  p90: at(r.ms, 0.9),
  cpuP50: at(r.cpuMs, 0.5),
  bytes: r.bytes,
});
const [tagged, untagged] = [summary(runs.tagged), summary(runs.untagged)];
console.log(JSON.stringify({ tagged, untagged, p50Ratio: Math.round((tagged.p50 / untagged.p50) * 100) / 100 }));
