import { expect, test } from "@playwright/test";
import { webServerArgs } from "../../lib/server/node-flags.mjs";
import { freePort, startNode, waitForHealth, type Started } from "./processes";
import { actionHeaders, captureGenerate, CLINICIAN, LAKESIDE, signIn } from "./support";

const BURST = 120;
const QUEUE = 8;
// One clinic may fill half the waiting line (lib/server/admission.ts): the other half stays for other clinics.
const CLINIC_SHARE = QUEUE / 2;

// 120 "Generate" requests at once, replayed from a real one against a second server of the same build and
// database whose waiting line holds 8 (PDF_QUEUE_LIMIT), 4 for one clinic, and whose first render is held
// until all 120 have arrived (TEST_GENERATE_HOLD_UNTIL): on any machine, however fast, one is rendered, 4
// wait their turn and are rendered, and every other clinician is told the service is busy (the message was
// once lost when AppError was loaded twice).
test("a burst of 120 Generate requests from one clinic: 5 saved handouts, and 115 told that the PDF service is busy", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, CLINICIAN);
  const request = await captureGenerate(page, LAKESIDE, "Generate-burst", { saved: 30_000 });

  const port = await freePort();
  const base = `http://localhost:${port}`;
  let server: Started | undefined;
  try {
    server = startNode(webServerArgs(), {
      PORT: String(port),
      APP_URL: base,
      NODE_ENV: "production",
      PDF_QUEUE_LIMIT: String(QUEUE),
      TEST_GENERATE_HOLD_UNTIL: String(BURST),
      SHUTDOWN_DRAIN_MS: "0",
    });
    await waitForHealth(base, server);
    const headers = actionHeaders(request);
    const body = request.postDataBuffer()!;
    const url = `${base}${new URL(request.url()).pathname}`;
    // The session cookie is the same on both servers (one database, one secret; cookies ignore the port).
    const responses = await Promise.all(
      Array.from({ length: BURST }, () =>
        page.request.post(url, { headers, data: body, maxRedirects: 0, timeout: 120_000 }),
      ),
    );
    let saved = 0;
    let busy = 0;
    const other: string[] = [];
    for (const res of responses) {
      const text = await res.text();
      if (res.headers()["x-action-redirect"]?.includes("/handouts/")) saved++;
      else if (text.includes("The PDF service is busy. Please try again in a moment.")) busy++;
      else other.push(`${res.status()} ${text.slice(0, 200)}`);
    }
    expect(other).toEqual([]);
    expect({ saved, busy }).toEqual({ saved: 1 + CLINIC_SHARE, busy: BURST - 1 - CLINIC_SHARE });
  } finally {
    if (server && server.child.exitCode === null) {
      process.kill(-server.child.pid!, "SIGTERM");
      await server.exited;
    }
  }
});
