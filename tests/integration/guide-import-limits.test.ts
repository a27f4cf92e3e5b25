import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importClinicGuide, previewClinicGuide } from "@/lib/guides/import/mutations";
import { parseGuideInThread } from "@/lib/guides/import/parse-pool";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { act, db } from "./helpers";

const guide = (body: string, refs = "- Smith, J. (2020). Back pain. https://example.org/back") =>
  `# Hostile Guide\n\n## Basics\n\n${body}\n\n## References\n\n${refs}\n\n## Disclaimer\n\nGeneral advice.\n`;

// Each of these took seconds to minutes of the server's only thread, or crashed it, before the importer
// moved into worker threads and refused these shapes (issue "production-safe").
const HOSTILE: [string, string, RegExp][] = [
  [
    "a 200 KB reference of a.a.a…",
    guide("Rest.", `- ${"a.".repeat(100_000)}`),
    /Reference 1 is 200,000 characters long/,
  ],
  ["100 KB of unclosed links", guide("[a](".repeat(25_000)), /more than 300 formatting marks/],
  ["10 KB of nested quotes", guide(`${">".repeat(10_000)} deep`), /nested or indented more than 8 levels/],
  ["nested lists on one line", guide(`${"- ".repeat(5_000)}deep`), /nested or indented more than 8 levels/],
  ["100 KB of emphasis marks", guide("*a".repeat(50_000)), /more than 300 formatting marks/],
  [
    "65,537 references with the same author and year",
    guide("Rest.", Array.from({ length: 65_537 }, () => "- S (2020)").join("\n")),
    /more than 3,000 list items/,
  ],
];

/** Runs `work` while timing a database round trip on this thread every 20 ms; returns the slowest. */
async function whileServing<T>(
  work: Promise<T>,
): Promise<{ result: PromiseSettledResult<T>; slowestMs: number; elapsedMs: number }> {
  const t0 = performance.now();
  let slowest = 0;
  let done = false;
  const settled = Promise.allSettled([work]).then(([r]) => ((done = true), r!));
  while (!done) {
    const t = performance.now();
    await db.$queryRaw`SELECT 1`;
    slowest = Math.max(slowest, performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { result: await settled, slowestMs: slowest, elapsedMs: performance.now() - t0 };
}

describe("guide import under hostile input", () => {
  it("refuses each hostile guide with a clear message within 5 s, stores nothing, and keeps serving meanwhile", async () => {
    const c = await createClinicWithMembers(db);
    // Warm the parse thread, as a running server would have.
    await act(c.owner.id, c.clinic.id, previewClinicGuide, guide("Warm up."));
    for (const [name, text, message] of HOSTILE) {
      const { result, slowestMs, elapsedMs } = await whileServing(
        act(c.owner.id, c.clinic.id, importClinicGuide, text),
      );
      expect(result.status, name).toBe("rejected");
      const reason = (result as PromiseRejectedResult).reason as { code?: string; message: string };
      expect(reason.code, name).toBe("BAD_REQUEST");
      expect(reason.message, name).toMatch(message);
      expect(elapsedMs, name).toBeLessThan(5_000);
      expect(slowestMs, name).toBeLessThan(200);
    }
    expect(await db.guide.count({ where: { clinicId: c.clinic.id } })).toBe(0);
  }, 120_000);

  it("a parse that runs past its time limit is stopped with a message, and the next guide is read normally", async () => {
    const big = guide(
      Array.from(
        { length: 4000 },
        (_, i) => `Paragraph ${i} tells the patient to rest, walk and stretch every day.`,
      ).join("\n\n"),
    );
    await expect(parseGuideInThread(big, { timeoutMs: 30 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/took longer than 0.03 seconds, so it was stopped/),
    });
    const seed = await parseGuideInThread(fs.readFileSync("prisma/seed/guides/back-spasms.md", "utf8"));
    expect(seed.ok).toBe(true);
  }, 30_000);

  it("only owners and admins can preview or import, even calling the domain functions directly", async () => {
    const c = await createClinicWithMembers(db);
    await expect(act(c.clinician.id, c.clinic.id, previewClinicGuide, guide("Rest."))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(act(c.clinician.id, c.clinic.id, importClinicGuide, guide("Rest."))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
