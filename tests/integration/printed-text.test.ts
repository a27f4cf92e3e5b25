import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { importGuide } from "@/lib/guides/import/store";
import { createHandout } from "@/lib/printing/generate";
import { builderFromGuide } from "@/lib/handout-drafts/builder-data";
import { getHandout } from "@/lib/handouts/queries";
import { findPrintedRecord } from "@/lib/handouts/printed-record";
import { messagesFor } from "@/lib/i18n/messages";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip.mjs";
import { GET as pageGET } from "@/app/h/[token]/route";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { pdftotextReading } from "@/tests/support/pdf-tools";
import { act, db } from "./helpers";

// The patient page and the PDF are drawn from one printed model (lib/handouts/printed): for the same stored
// handout they print the same text in the same order. Each block of the page (heading, paragraph, list item,
// table cell, note, main point, contact line, reference, disclaimer) must be found in the PDF's text, in
// order, and whatever the PDF prints between them must be one of the things only the PDF has: the footer on
// every page ("<clinic> · <phone>", "Page 2 of 4"), the numbers and bullets of lists and references, the
// drawn "!" of a warning box, and the QR code's line and address (the page is the link). The page has its
// own controls (skip link, "Larger text", "Download PDF"), the link's expiry in its footer and the mark
// beside a warning label, all left out of the comparison. Both texts are compared without white space or
// hyphens, since the PDF breaks lines (and long words, with a hyphen) where the page does not.

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const BLOCK_TAG = /<\/?(?:p|li|ul|ol|h[1-6]|section|div|table|thead|tbody|tr|td|th|header|main)\b[^>]*>/g;

/** The page's text, one entry per block, in document order. */
function pageBlocks(html: string): string[] {
  const body = html
    .slice(html.indexOf("<body>"), html.indexOf("</body>"))
    .replace(/<a class="skip"[^>]*>.*?<\/a>/, "")
    .replace(/<div class="tools">.*?<\/div>/, "")
    .replace(/<footer>.*?<\/footer>/, "")
    .replace(/<span class="warning-mark"[^>]*>.*?<\/span>/g, "");
  return body
    .split(BLOCK_TAG)
    .map((run) =>
      run
        .replace(/<[^>]+>/g, "")
        .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
        .trim(),
    )
    .filter(Boolean);
}

const squash = (text: string) => text.replace(/[\s\u00a0\u00ad\u2010-]/g, "");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// What only the PDF prints and the page never shows (page numbers, the QR caption and link) is cut out of its
// text first, leaving a mark, so a short page block ("3", a table cell) cannot be found inside "Page 1 of 3"
// instead of where it is printed. The running footer (the clinic's name, and phone) may stand between blocks.
const PDF_ONLY_MARK = "\u0000";

function expectSameText(pdfText: string, blocks: string[], pdfOnly: { cut: string[]; footer: string }) {
  const cut = new RegExp(
    pdfOnly.cut
      .map((s) => escape(squash(s)))
      .sort((a, b) => b.length - a.length)
      .join("|"),
    "g",
  );
  const pdf = squash(pdfText).replace(cut, PDF_ONLY_MARK);
  const gaps: string[] = [];
  let at = 0;
  for (const block of blocks) {
    const found = pdf.indexOf(squash(block), at);
    expect(found, `the PDF prints "${block}" after what the page shows before it`).toBeGreaterThanOrEqual(0);
    gaps.push(pdf.slice(at, found));
    at = found + squash(block).length;
  }
  gaps.push(pdf.slice(at));
  const extra = new RegExp(
    `^(?:${[PDF_ONLY_MARK, escape(squash(pdfOnly.footer)), "\\d+\\.", "•", "–", "!"].join("|")})*$`,
  );
  gaps.forEach((gap, i) =>
    expect(gap, `what the PDF prints before page block ${i} ("${blocks[i] ?? "the end"}")`).toMatch(extra),
  );
}

let ip = 0;
async function openPage(token: string) {
  const req = new Request(`http://localhost:3000/h/${token}`, {
    headers: { [CLIENT_IP_HEADER]: `198.51.100.${++ip % 250}` },
  });
  const res = await pageGET(req, { params: Promise.resolve({ token }) });
  expect(res.status).toBe(200);
  return res.text();
}

// `files`: the guide the handout is made from, after the guides it is a variant of.
async function compareHandout(
  files: string[],
  form: { notes: string; preparedFor: string; followUpDate: string },
  clinic: { notesPosition: "TOP" | "END"; extraDisclaimer: string | null },
) {
  const c = await createClinicWithMembers(db);
  // No digits in the name: the running footer repeats it between blocks, where a block "3" could be found in it.
  await db.clinic.update({ where: { id: c.clinic.id }, data: { ...clinic, name: "Riverbend Test Clinic" } });
  let imported;
  for (const file of files) {
    const parsed = parseGuideMarkdown(fs.readFileSync(file));
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    imported = { parsed: parsed.guide, guide: await importGuide(db, parsed.guide, { clinicId: c.clinic.id }) };
  }
  const { parsed, guide } = imported!;
  const start = await act(c.clinician.id, c.clinic.id, builderFromGuide, guide.guideId);
  const contentKeys = parsed.sections.filter((s) => s.kind === "content").map((s) => s.key);
  const { id } = await act(c.clinician.id, c.clinic.id, createHandout, {
    ...start.initial,
    guideVersionId: start.guide.versionId,
    sectionKeys: contentKeys,
    patientLink: true,
    ...form,
  });
  const handout = await act(c.clinician.id, c.clinic.id, getHandout, id);
  const url = handout.link!.url;
  const pdf = await db.handoutPdf.findUniqueOrThrow({ where: { handoutId: id }, select: { bytes: true } });
  const blocks = pageBlocks(await openPage(url.slice(url.lastIndexOf("/") + 1)));
  const { printed } = (await findPrintedRecord(c.clinic.id, id))!;
  const t = messagesFor(printed.language);
  const footer = [printed.clinicName, printed.contact.phone].filter(Boolean).join(" · ");
  const pages = Array.from({ length: 12 }, (_, i) =>
    Array.from({ length: 12 }, (_, j) => t.pageOf(i + 1, j + 1)),
  ).flat();
  expectSameText(pdftotextReading(Buffer.from(pdf.bytes)), blocks, { cut: [...pages, t.scanToRead, url], footer });
  return { printed, blocks };
}

describe("the patient page and the PDF of one stored handout", () => {
  it("print the same text in the same order: warning boxes, tables, references, notes at the end, the clinic's own disclaimer", async () => {
    const { printed, blocks } = await compareHandout(
      ["tests/fixtures/guides/heart-attack-going-home.md"],
      {
        notes:
          "Walk for ten minutes after lunch.\nRest when you are tired.\n\n- Weigh yourself each morning\n- Bring your pill box next time",
        preparedFor: "Jo",
        followUpDate: "2027-02-01",
      },
      { notesPosition: "END", extraDisclaimer: "Bring this sheet to every visit." },
    );
    // The comparison covered every kind of block.
    expect(printed.sections.some((s) => s.warning)).toBe(true);
    expect(printed.references.length).toBeGreaterThan(0);
    for (const text of [
      "Notes from your clinician",
      "Weigh yourself each morning",
      "Prepared for Jo",
      "Bring this sheet to every visit.",
      printed.words.contactTitle,
      ...printed.contactLines.map((l) => l.text),
      ...printed.references.map((r) => r.text),
    ]) {
      expect(
        blocks.some((b) => b.includes(text)),
        text,
      ).toBe(true);
    }
    expect(blocks.at(-1)).toBe("Bring this sheet to every visit.");
  }, 60_000);

  it("print the same text in the same order in Spanish, with the main points and the notes at the top", async () => {
    const { printed, blocks } = await compareHandout(
      ["prisma/seed/guides/back-spasms.md", "prisma/seed/guides/back-spasms.plain.es.md"],
      { notes: "Camine diez minutos.\n- Calor 15 minutos", preparedFor: "Ana", followUpDate: "" },
      { notesPosition: "TOP", extraDisclaimer: null },
    );
    expect(printed.language).toBe("es");
    expect(printed.mainPoints.length).toBeGreaterThan(0);
    expect(blocks).toEqual(
      expect.arrayContaining(["Lo más importante", "Notas de su profesional de salud", ...printed.mainPoints]),
    );
  }, 60_000);
});
