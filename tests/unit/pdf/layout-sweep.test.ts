import { describe, expect, it } from "vitest";
import type { Block } from "@/lib/guides/blocks";
import { inlinesToPlainText } from "@/lib/guides/plain-text";
import { renderHandoutPdf } from "@/lib/pdf/render";
import { citedReferences } from "@/lib/pdf/select-sections";
import { makeStyles } from "@/lib/pdf/styles";
import type { HandoutPdfInput } from "@/lib/pdf/types";
import { commonHeight, layoutOf, type LaidOutPage, type Line } from "@/tests/support/pdf-layout";
import { linkTargets } from "@/tests/support/pdf-tools";
import { guideInput, parseGuideFile, sampleInput } from "@/tests/support/sample-handout";

// Print-grade layout, checked on the printed pages (poppler's word boxes), for the seed guide and two guides
// written for this test, in every page size, print size, notes position and notes length:
// (a) end matter: a last page holding only end matter means it could not fit below the content before it;
//     end matter that breaks across pages is taller than a page; no last page holds only the disclaimer;
// (b) lists: a list running over a page break has at least two lines on each side, and an item split by the
//     break at least two lines on each side;
// (c) a wrapped title (or section heading) has no line of a single word, unless that word could not share a
//     line with a neighbour;
// (d) each reference's web address prints whole (no hyphen added), broken only at its punctuation;
// (e) table text is set at the body text size;
// and on every page: some text, nothing outside the page's text area, no word over another.
const GUIDES = {
  "back spasms (seed)": "prisma/seed/guides/back-spasms.md",
  "knee replacement (tables, numbered and nested lists, long URLs, long title)": "tests/fixtures/guides/knee-replacement-recovery.md",
  "type 2 diabetes (many short sections, long notes-like items)": "tests/fixtures/guides/diabetes-daily-care.md",
};
const NOTES = {
  short: sampleInput().notes,
  long: [
    "Walk 10 minutes twice a day, and a little further every few days if the pain allows.",
    "Keep a short diary of what you did, how the pain felt in the morning and in the evening, and anything that made it better or worse, so that we can adjust the plan together at your next visit.",
    "",
    "- Heat pack for 15 minutes before stretching, never while you sleep",
    "- Stretches from the sheet we gave you: hold each one for 20 to 30 seconds, breathe out slowly while you hold it and stop if the pain becomes sharp or spreads into your leg",
    "- Ibuprofen 400 mg with food up to three times a day for the first week, then only if you need it",
    "- Call us if the pain spreads down your leg, if your leg feels weak or numb, or if you have trouble passing urine",
    "",
    "Next visit in two weeks: bring this sheet and your diary.",
  ].join("\n"),
};
const COMBINATIONS = (["LETTER", "A4"] as const).flatMap((pageSize) =>
  [false, true].flatMap((largePrint) => (["TOP", "END"] as const).flatMap((notesPosition) => (["short", "long"] as const).map((notes) => ({ pageSize, largePrint, notesPosition, notes })))),
);

const LABEL = /^(•|–|\d+\.)$/;
const URL_BREAK_BEFORE = /^[/.,\-_~?#%=&;+@]/;
const squash = (s: string) => s.replace(/\s+/g, "");
const near = (a: number, b: number, tolerance = 0.2) => Math.abs(a - b) < tolerance;

type Printed = { pages: LaidOutPage[]; body: Line[][]; all: Line[]; input: HandoutPdfInput; base: number; top: number; bottom: (page: number) => number };

/** The text lines of each page between the header band (page 1) and the footer. */
function printed(bytes: Buffer, input: HandoutPdfInput): Printed {
  const pages = layoutOf(bytes);
  const s = makeStyles(input.largePrint ? 18 : 11);
  const top = s.page.paddingTop as number;
  const bottom = (page: number) => pages[page - 1]!.height - (s.page.paddingBottom as number);
  const titleHeight = Math.max(...pages[0]!.lines.map((l) => l.height));
  const titleTop = pages[0]!.lines.find((l) => near(l.height, titleHeight, 0.05))!.yMin;
  const body = pages.map((page) => page.lines.filter((l) => l.yMin < bottom(page.number) && (page.number > 1 || l.yMin >= titleTop)));
  return { pages, body, all: body.flat(), input, base: s.page.fontSize as number, top, bottom };
}

function checkPages(doc: Printed) {
  for (const page of doc.pages) {
    expect(doc.body[page.number - 1]!.length, `page ${page.number} holds some text`).toBeGreaterThan(0);
    for (const line of doc.body[page.number - 1]!) {
      // Half an em of slack: react-pdf's line breaker may squeeze a line's spaces, which ragged-right text
      // does not apply, so a full line can end a point or two into the margin.
      expect(line.xMax, `"${line.text}" (page ${page.number}) stays inside the right margin`).toBeLessThanOrEqual(page.width - 50 + doc.base / 2);
      expect(line.yMax, `"${line.text}" (page ${page.number}) stays above the footer`).toBeLessThanOrEqual(doc.bottom(page.number) + 0.5);
      // A word too wide for its table column would run into the next column's text.
      line.words.slice(1).forEach((w, i) => expect(w.xMin, `"${line.words[i]!.text}" runs into "${w.text}" (page ${page.number})`).toBeGreaterThanOrEqual(line.words[i]!.xMax - 0.5));
    }
  }
}

// (a) The end matter starts with the contact block's title and runs to the end of the document.
function checkEndMatter(doc: Printed) {
  const { all, body, input } = doc;
  const start = all.findIndex((l) => l.text.startsWith("Questions? Contact"));
  expect(start, "the contact block is printed").toBeGreaterThanOrEqual(0);
  const contact = all[start]!;
  const last = body.length;
  const lastPage = body[last - 1]!;
  if (all.indexOf(lastPage[0]!) < start) return;
  const line = doc.base * 1.45;
  if (contact.page === last) {
    // All of it moved to a page of its own: it would not have fit below the last line of the page before.
    // Text boxes hide the space below a last line: its leading and its block's margins and padding (at most
    // ~24 pt: a note's bullet, its list, the notes box), and the disclaimer's own margin (4 pt), so the
    // rule holds to within that and a body line.
    const needed = lastPage.at(-1)!.yMax - doc.top;
    const previous = body[last - 2]!;
    const room = doc.bottom(last - 1) - previous.at(-1)!.yMax;
    expect(needed, `the end matter (${needed.toFixed(0)} pt) sits alone on page ${last} though ${room.toFixed(0)} pt were left on page ${last - 1}`).toBeGreaterThan(room - 28 - line);
  } else {
    // It breaks across pages only when it is taller than a page (its printed parts, and the contact box's top edge).
    let height = 18 + 13;
    for (let page = contact.page; page <= last; page++) {
      const own = body[page - 1]!.filter((l) => all.indexOf(l) >= start);
      height += own.at(-1)!.yMax - own[0]!.yMin;
    }
    expect(height, `end matter split over pages ${contact.page}–${last}`).toBeGreaterThan(doc.bottom(last) - doc.top - line);
  }
  const titles = input.sections.filter((x) => x.kind === "disclaimer").map((x) => x.title);
  const disclaimer = all.findIndex((l, i) => i > start && l.height > contact.height && titles.some((t) => t === l.text || t.startsWith(`${l.text} `)));
  if (disclaimer >= 0) expect(all.indexOf(lastPage[0]!), `page ${last} holds only the disclaimer`).toBeLessThan(disclaimer);
}

// (b) A list line starts with its label (bullet or number) and the body a label's width to its right, or
// continues an open item exactly at its body's left edge; nested lists sit inside an item's body.
function checkLists(doc: Printed) {
  type Level = { labelX: number; bodyX: number; list: string; item: string };
  const linesOf = new Map<string, Line[]>();
  const at = new Map<Line, string[]>();
  let stack: Level[] = [];
  let next = 0;
  const record = (line: Line) => {
    const ids = stack.flatMap((l) => [l.list, l.item]);
    for (const id of ids) linesOf.set(id, [...(linesOf.get(id) ?? []), line]);
    at.set(line, ids);
  };
  for (const line of doc.all) {
    const [first, second] = line.words;
    if (LABEL.test(first!.text) && second && second.xMin - first!.xMin >= 1.2 * doc.base) {
      const level = stack.findIndex((l) => near(l.labelX, first!.xMin));
      const fresh = { labelX: first!.xMin, bodyX: second.xMin, list: `list ${next++}`, item: `list item ${next++}` };
      if (level >= 0) stack = [...stack.slice(0, level), { ...stack[level]!, item: `list item ${next++}` }];
      else if (stack.length && first!.xMin > stack.at(-1)!.bodyX - 0.2) stack.push(fresh);
      else stack = [fresh];
      record(line);
      continue;
    }
    const level = stack.findLastIndex((l) => near(l.bodyX, first!.xMin));
    stack = level >= 0 ? stack.slice(0, level + 1) : [];
    if (level >= 0) record(line);
  }
  const on = (id: string, page: number) => linesOf.get(id)!.filter((l) => l.page === page).length;
  for (let page = 2; page <= doc.body.length; page++) {
    const first = doc.body[page - 1]![0]!;
    for (const id of at.get(first) ?? []) {
      if (on(id, page - 1) === 0) continue;
      const what = `${id.replace(/ \d+$/, "")} running from page ${page - 1} onto page ${page} ("${first.text}")`;
      expect(on(id, page), `${what}: lines on page ${page}`).toBeGreaterThanOrEqual(2);
      expect(on(id, page - 1), `${what}: lines on page ${page - 1}`).toBeGreaterThanOrEqual(2);
    }
  }
  return linesOf.size;
}

// (c) Lines of one heading: consecutive lines of the same height, taller than body text.
function checkHeadingLines(doc: Printed, lines: Line[], what: string) {
  const width = doc.pages[0]!.width - 2 * lines[0]!.xMin;
  const words = (l: Line) => l.words.flatMap((w) => w.text.split(/\s+/)).filter(Boolean);
  const gap = Math.min(...lines.flatMap((l) => l.words.slice(1).map((w, i) => w.xMin - l.words[i]!.xMax)), lines[0]!.height / 3);
  lines.forEach((l, i) => {
    if (lines.length < 2 || words(l).length > 1) return;
    const w = l.words[0]!;
    const before = lines[i - 1]?.words.at(-1);
    const after = lines[i + 1]?.words[0];
    const alone = (!before || before.xMax - before.xMin + gap + w.xMax - w.xMin > width) && (!after || w.xMax - w.xMin + gap + after.xMax - after.xMin > width);
    expect(alone, `${what}: line ${i + 1} of ${lines.length} is the single word "${l.text}"`).toBe(true);
  });
}

function checkHeadings(doc: Printed) {
  const page1 = doc.body[0]!;
  const title = page1.filter((l) => near(l.height, Math.max(...page1.map((x) => x.height)), 0.05));
  expect(squash(title.map((l) => l.text).join(""))).toBe(squash(doc.input.title));
  checkHeadingLines(doc, title, "title");
  const sectionHeight = title[0]!.height * (1.35 / 1.9);
  let run: Line[] = [];
  for (const line of [...doc.all, null]) {
    if (line && near(line.height, sectionHeight, 0.05) && (!run.length || (run.at(-1)!.page === line.page && near(line.yMin - run.at(-1)!.yMax, run[0]!.height * 0.14, 2)))) {
      run.push(line);
      continue;
    }
    if (run.length > 1) checkHeadingLines(doc, run, `heading "${run.map((l) => l.text).join(" ")}"`);
    run = line && near(line.height, sectionHeight, 0.05) ? [line] : [];
  }
  return title.length;
}

// (d) The entries after the "References" heading, numbered; each shows its reference's addresses whole.
function checkReferences(doc: Printed) {
  const references = citedReferences(doc.input.references, doc.input.sections);
  if (!references.length) return 0;
  const start = doc.all.findIndex((l) => l.text === "References");
  const entries: Line[][] = [];
  for (const line of doc.all.slice(start + 1)) {
    if (LABEL.test(line.words[0]!.text) && line.words[0]!.text === `${entries.length + 1}.`) entries.push([line]);
    else if (entries.length && near(line.words[0]!.xMin, entries.at(-1)![0]!.words[1]!.xMin)) entries.at(-1)!.push(line);
    else if (entries.length) break;
  }
  expect(entries.length, "every cited reference is listed").toBe(references.length);
  let urls = 0;
  references.forEach((ref, i) => {
    const lines = entries[i]!.map((l, j) => squash(j ? l.text : l.words.slice(1).map((w) => w.text).join("")));
    const text = lines.join("");
    for (const url of ref.text.match(/https?:\/\/\S+/g) ?? []) {
      const address = url.replace(/[.,;:)\]]+$/, "");
      const from = text.indexOf(address);
      expect(from, `reference ${i + 1} prints ${address} as it is (printed: ${lines.join(" ⏎ ")})`).toBeGreaterThanOrEqual(0);
      let end = 0;
      for (const part of lines.slice(0, -1)) {
        end += part.length;
        if (end <= from || end >= from + address.length) continue;
        const next = text.slice(end);
        expect(URL_BREAK_BEFORE.test(next) || text.slice(end - 2, end) === "//", `reference ${i + 1} breaks ${address} before "${next.slice(0, 12)}"`).toBe(true);
      }
      urls++;
    }
  });
  return urls;
}

// (e) Words printed once in the whole handout, taken from table cells, against the most common word height.
function checkTables(doc: Printed) {
  const cells: string[] = [];
  const walk = (blocks: Block[]) =>
    blocks.forEach((b) => {
      if (b.type === "table") for (const row of [b.header, ...b.rows]) for (const cell of row) cells.push(inlinesToPlainText(cell));
      if (b.type === "list") b.items.forEach((item) => walk(item.content));
    });
  doc.input.sections.forEach((x) => walk(x.blocks));
  if (!cells.length) return 0;
  const words = doc.pages.flatMap((p) => p.words);
  const body = commonHeight(words);
  const count = new Map<string, number>();
  for (const w of words) count.set(w.text, (count.get(w.text) ?? 0) + 1);
  const unique = new Set(cells.flatMap((c) => c.split(/\s+/)).filter((w) => /\p{L}{4}/u.test(w) && count.get(w) === 1));
  const measured = words.filter((w) => unique.has(w.text));
  expect(measured.length, "table words found once in the handout").toBeGreaterThanOrEqual(3);
  for (const w of measured) expect(w.yMax - w.yMin, `table word "${w.text}" at the body size`).toBeCloseTo(body, 1);
  return measured.length;
}

describe.each(Object.entries(GUIDES))("the handout of the %s guide", (_, file) => {
  const guide = parseGuideFile(file);
  it.each(COMBINATIONS)("$pageSize, large print $largePrint, notes $notesPosition, $notes notes", async ({ pageSize, largePrint, notesPosition, notes }) => {
    const input = guideInput(guide, { pageSize, largePrint, notesPosition, notes: NOTES[notes] });
    const { bytes } = await renderHandoutPdf(input);
    const doc = printed(bytes, input);
    checkPages(doc);
    checkEndMatter(doc);
    checkLists(doc);
    checkHeadings(doc);
    const urls = checkReferences(doc);
    checkTables(doc);
    // The printed address and the link agree: each link goes to its reference's full address.
    if (pageSize === "LETTER" && !largePrint && notesPosition === "TOP" && notes === "short") {
      const links = linkTargets(bytes);
      for (const ref of citedReferences(input.references, input.sections)) if (ref.url && ref.text.endsWith(ref.url)) expect(links).toContain(ref.url);
      expect(urls).toBeGreaterThan(0);
    }
  }, 30_000);
});
