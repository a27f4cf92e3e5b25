// `npm run bench:generate [-- --json]`: time from "Generate" to a stored handout, server side: load the
// guide version and clinic, render in the worker pool, write handout + PDF + audit in one transaction.
// Runs on a throwaway embedded PostgreSQL (lib/dev/with-db.mjs --throwaway). Browser and network time
// are not included; the end-to-end spec exercises that path.
import fs from "node:fs";
import { runLikeTheWebServer } from "@/tests/bench/machine";

// The pool renders in this process, so it runs under the web server's Node flags.
runLikeTheWebServer();

process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
process.env.SMTP_URL ??= "smtp://127.0.0.1:2525";

const json = process.argv.includes("--json");
const { db } = await import("@/lib/db");
const { parseGuideMarkdown } = await import("@/lib/guides/import/parse-markdown");
const { importGuide } = await import("@/lib/guides/import/store");
const { createHandout } = await import("@/lib/printing/generate");
const { warmPdfPool } = await import("@/lib/pdf/pool");
const { createClinicWithMembers } = await import("@/prisma/seed/factories");
const { act } = await import("../integration/helpers");

const parsed = parseGuideMarkdown(fs.readFileSync("prisma/seed/guides/back-spasms.md"));
if (!parsed.ok) throw new Error(parsed.errors.join("; "));
const guide = await importGuide(db, parsed.guide, { clinicId: null });
const c = await createClinicWithMembers(db, "Bench Clinic");
const draft = {
  guideVersionId: guide.versionId,
  title: parsed.guide.title,
  sectionKeys: parsed.guide.sections.filter((s) => s.kind === "content").map((s) => s.key),
  notes:
    "Walk 10 minutes twice a day.\n- Heat pack for 15 minutes before stretching\n- Call us if the pain spreads down your leg",
  preparedFor: "Jo",
  followUpDate: "",
  largePrint: false,
  contact: {
    clinicName: "Bench Clinic",
    phone: "(555) 010-0000",
    email: "",
    address: "",
    website: "",
    hours: "",
    clinicianName: "Sam",
    credentials: "PT",
    directPhone: "",
  },
};

warmPdfPool();
for (let i = 0; i < 3; i++) await act(c.clinician.id, c.clinic.id, createHandout, draft);
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  await act(c.clinician.id, c.clinic.id, createHandout, draft);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const result = { generateP50Ms: Math.round(times[15]!), generateP95Ms: Math.round(times[28]!), runs: times.length };
console.log(
  json
    ? JSON.stringify(result)
    : `Generate (render + store), full back-spasms handout, ${result.runs} runs: p50 ${result.generateP50Ms} ms, p95 ${result.generateP95Ms} ms`,
);
process.exit(0);
