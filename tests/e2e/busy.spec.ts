import { expect, test } from "@playwright/test";
import { actionHeaders, captureGenerate, CLINICIAN, LAKESIDE, signIn } from "./support";

// 120 "Generate" requests at once, replayed from a real one: the render queue is full for some, and every
// one of those tells the clinician the service is busy (the message was lost when AppError was loaded twice).
test("a burst of 120 Generate requests: each is either a saved handout or told that the PDF service is busy", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, CLINICIAN);
  const request = await captureGenerate(page, LAKESIDE, "Generate-burst", { saved: 30_000 });
  const headers = actionHeaders(request);
  const body = request.postDataBuffer()!;
  const replay = () => page.request.post(request.url(), { headers, data: body, maxRedirects: 0, timeout: 120_000 });
  const responses = await Promise.all(Array.from({ length: 120 }, replay));
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
  expect(busy).toBeGreaterThan(0);
  expect(saved + busy).toBe(120);
});
