import { expect, test } from "@playwright/test";
import { strToU8, zipSync } from "fflate";
import { actionHeaders, LAKESIDE, LAKESIDE_OWNER, RIVERSIDE, RIVERSIDE_OWNER, signIn } from "./support";

// A clinic's manager uploads, 20 times at once, a 98 KB zip whose guide names 20 "pictures" that are each a
// PNG signature and 4.9 MB of zeros, while another clinic's owner opens the handouts page and a load balancer
// polls /api/health. Before, the zips were inflated on the request thread: 20 at once held /api/health for
// 11.7 s. Every upload must get the form's own refusal, and the other clinic must be served meanwhile.
function zeroPictureZip(): Buffer {
  const picture = new Uint8Array(4.9 * 1024 * 1024);
  picture.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const names = Array.from({ length: 20 }, (_, i) => `images/p${i + 1}.png`);
  const md = `# Zero Pictures\n\n## Stretches\n\n${names.map((n, i) => `![Stretch ${i + 1}](${n})`).join("\n\n")}\n\n## Disclaimer\n\nGeneral advice.\n`;
  return Buffer.from(
    zipSync({ "guide.md": strToU8(md), ...Object.fromEntries(names.map((n) => [n, picture])) }, { level: 9 }),
  );
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

test("20 zip uploads at once from one clinic: each gets the form's refusal, while another clinic's handouts page and /api/health keep answering", async ({
  browser,
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const zip = zeroPictureZip();
  await signIn(page, RIVERSIDE_OWNER);
  await page.goto(`/clinics/${RIVERSIDE}/guides/import`);
  await page
    .getByLabel("Zip file", { exact: true })
    .setInputFiles({ name: "zeros.zip", mimeType: "application/zip", buffer: zip });
  const captured = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByRole("button", { name: "Import the zip" }).click();
  const request = await captured;
  // The form's own message, on the form.
  await expect(page.getByText(/"images\/p1\.png": The image could not be read/).first()).toBeVisible({
    timeout: 20_000,
  });

  // The same action sent by a light client, as the form sends it (React's reply encoding: the bound clinic id,
  // the form's previous state, then the form data, whose fields carry the prefix "_1_"), 20 at once.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const upload = () => {
    const form = new FormData();
    form.set("_1_file", new Blob([new Uint8Array(zip)], { type: "application/zip" }), "zeros.zip");
    form.set("0", JSON.stringify([RIVERSIDE, { ok: false }, "$K1"]));
    // fetch sets the multipart Content-Type (and its boundary) itself.
    const { "content-type": _, ...headers } = actionHeaders(request);
    return fetch(request.url(), { method: "POST", body: form, headers: { ...headers, cookie, origin: baseURL! } }).then(
      (r) => r.text(),
    );
  };

  const reader = await browser.newContext();
  const other = await reader.newPage();
  await signIn(other, LAKESIDE_OWNER);
  const idle: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await other.request.get(`/clinics/${LAKESIDE}/handouts`);
    idle.push(performance.now() - t);
  }

  let done = false;
  const uploads = Promise.all(Array.from({ length: 20 }, upload)).finally(() => (done = true));
  const pageTimes: number[] = [];
  const healthTimes: number[] = [];
  const loadPages = (async () => {
    while (!done) {
      const t = performance.now();
      expect((await other.request.get(`/clinics/${LAKESIDE}/handouts`)).status()).toBe(200);
      pageTimes.push(performance.now() - t);
    }
  })();
  const pollHealth = (async () => {
    while (!done) {
      const t = performance.now();
      expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
      healthTimes.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const answers = await uploads;
  await Promise.all([loadPages, pollHealth]);
  console.log(
    `[hostile-zips] 20 uploads: other clinic's handouts page p95 ${p95(pageTimes).toFixed(0)} ms (idle p95 ${p95(idle.slice(1)).toFixed(0)} ms) (max ${Math.max(...pageTimes).toFixed(0)}, ${pageTimes.length} loads); /api/health max ${Math.max(...healthTimes).toFixed(0)} ms (${healthTimes.length} polls)`,
  );
  for (const text of answers) expect(text).toContain('\\"images/p1.png\\": The image could not be read');
  // Generous bounds for a shared CI machine (the figures above are what the note quotes); before: 5.1 s and 11.7 s.
  expect(p95(pageTimes)).toBeLessThan(1000);
  expect(Math.max(...healthTimes)).toBeLessThan(1000);
  await reader.close();
});
