import { describe, expect, it } from "vitest";
import type { Block } from "@/lib/guides/blocks";
import { inlinesToPlainText } from "@/lib/guides/plain-text";
import { renderHandoutPdf } from "@/lib/pdf/render";
import { citedReferences } from "@/lib/handouts/printed/sections";
import { makeStyles } from "@/lib/pdf/styles";
import { messagesFor } from "@/lib/i18n/messages";
import type { HandoutPdfInput } from "@/lib/handouts/printed/model";
import { commonHeight, layoutOf, type LaidOutPage, type Line } from "@/tests/support/pdf-layout";
import { linkTargets } from "@/tests/support/pdf-tools";
import { guideInput, parseGuideFile, sampleInput } from "@/tests/support/sample-handout";

// Print-grade layout (the current layout, lib/pdf/types.ts), checked on the printed pages (poppler's word
// boxes), for the seed guide and three guides written for this test, in every page size, print size, notes
// position and notes length:
// (a) end matter: the contact block never splits; the contact block, or the references with the disclaimer,
//     start a page only when they would not have fit in the room left on the page before (so that page is
//     not left a third empty, or more, when they could have filled it); no last page holds only the disclaimer;
// (b) lists: a list running over a page break has at least two lines on each side, and an item split by the
//     break at least two lines on each side;
// (c) a wrapped title (or section heading) has no line of a single word, unless that word could not share a
//     line with a neighbour;
// (d) each reference's web address prints whole (no hyphen added), broken only at its punctuation;
// (e) table text is set at the body text size;
// (f) a warning-signs section ("Get help now") that fits on a page is never split, starts a page only when
//     it would not have fit in the room left on the page before, and one taller than a page keeps its label
//     and heading with at least four lines of what follows;
// and on every page: some text, nothing outside the page's text area, no word over another (a list's
// number included).
const GUIDES = {
  "back spasms (seed)": "prisma/seed/guides/back-spasms.md",
  "knee replacement (tables, numbered and nested lists, long URLs, long title)":
    "tests/fixtures/guides/knee-replacement-recovery.md",
  "type 2 diabetes (many short sections, long notes-like items)": "tests/fixtures/guides/diabetes-daily-care.md",
  "heart attack (a long and a short warning-signs section)": "tests/fixtures/guides/heart-attack-going-home.md",
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
  [false, true].flatMap((largePrint) =>
    (["TOP", "END"] as const).flatMap((notesPosition) =>
      (["short", "long"] as const).map((notes) => ({ pageSize, largePrint, notesPosition, notes })),
    ),
  ),
);

const LABEL = /^(•|–|\d+\.)$/;
const URL_BREAK_BEFORE = /^[/.,\-_~?#%=&;+@]/;
const squash = (s: string) => s.replace(/\s+/g, "");
const near = (a: number, b: number, tolerance = 0.2) => Math.abs(a - b) < tolerance;

type Printed = {
  pages: LaidOutPage[];
  body: Line[][];
  all: Line[];
  input: HandoutPdfInput;
  base: number;
  top: number;
  left: number;
  bottom: (page: number) => number;
};

/** The text lines of each page between the header band (page 1) and the footer. */
function printed(bytes: Buffer, input: HandoutPdfInput): Printed {
  const pages = layoutOf(bytes);
  const s = makeStyles(input.largePrint ? 18 : 11);
  const top = s.page.paddingTop as number;
  const bottom = (page: number) => pages[page - 1]!.height - (s.page.paddingBottom as number);
  const titleHeight = Math.max(...pages[0]!.lines.map((l) => l.height));
  const titleTop = pages[0]!.lines.find((l) => near(l.height, titleHeight, 0.05))!.yMin;
  const body = pages.map((page) =>
    page.lines.filter((l) => l.yMin < bottom(page.number) && (page.number > 1 || l.yMin >= titleTop)),
  );
  return {
    pages,
    body,
    all: body.flat(),
    input,
    base: s.page.fontSize as number,
    top,
    left: s.page.paddingHorizontal as number,
    bottom,
  };
}

function checkPages(doc: Printed) {
  for (const page of doc.pages) {
    expect(doc.body[page.number - 1]!.length, `page ${page.number} holds some text`).toBeGreaterThan(0);
    for (const line of doc.body[page.number - 1]!) {
      // Half an em of slack: react-pdf's line breaker may squeeze a line's spaces, which ragged-right text
      // does not apply, so a full line can end a point or two into the margin.
      expect(line.xMax, `"${line.text}" (page ${page.number}) stays inside the right margin`).toBeLessThanOrEqual(
        page.width - 50 + doc.base / 2,
      );
      expect(line.yMax, `"${line.text}" (page ${page.number}) stays above the footer`).toBeLessThanOrEqual(
        doc.bottom(page.number) + 0.5,
      );
      // A list number too wide for its label column prints into its item ("10.Sudden").
      for (const w of line.words)
        expect(w.text, `a list number runs into its item's text (page ${page.number})`).not.toMatch(/^\d+\.\p{L}/u);
      // A word too wide for its table column would run into the next column's text.
      line.words
        .slice(1)
        .forEach((w, i) =>
          expect(w.xMin, `"${line.words[i]!.text}" runs into "${w.text}" (page ${page.number})`).toBeGreaterThanOrEqual(
            line.words[i]!.xMax - 0.5,
          ),
        );
    }
  }
}

// Where a page break leaves room: from the last line on the page before `line`'s to that page's bottom.
// Text boxes hide the space below a page's last line (its leading, and the margins and padding of the blocks
// it closes: at most ~24 pt, a note's bullet, its list, the notes box), hence ROOM_SLACK in the checks below.
const ROOM_SLACK = 28;
const startsPage = (doc: Printed, line: Line) => doc.body[line.page - 1]![0] === line;
const roomBefore = (doc: Printed, line: Line) => doc.bottom(line.page - 1) - doc.body[line.page - 2]!.at(-1)!.yMax;

// (a) The end matter starts with the contact block's title and runs to the end of the document.
function checkEndMatter(doc: Printed) {
  const { all, body, input } = doc;
  const start = all.findIndex((l) => l.text.startsWith("Questions? Contact"));
  expect(start, "the contact block is printed").toBeGreaterThanOrEqual(0);
  const contact = all[start]!;
  const titles = input.sections.filter((x) => x.kind === "disclaimer").map((x) => x.title);
  const disclaimer = all.findIndex(
    (l, i) => i > start && l.height > contact.height && titles.some((t) => t === l.text || t.startsWith(`${l.text} `)),
  );
  const references = all.findIndex((l, i) => i > start && l.text === "References");
  const tail = references >= 0 ? references : disclaimer >= 0 ? disclaimer : all.length;
  const box = all.slice(start, tail);
  expect(
    new Set(box.map((l) => l.page)).size,
    `the contact block prints on one page (${box[0]!.page}–${box.at(-1)!.page})`,
  ).toBe(1);
  if (startsPage(doc, contact)) {
    // Its lines, padding and border (13 pt above and below) and top margin (18 pt).
    const needed = box.at(-1)!.yMax - contact.yMin + 2 * 13 + 18;
    const room = roomBefore(doc, contact);
    expect(
      needed,
      `the contact block (${needed.toFixed(0)} pt) starts page ${contact.page} though ${room.toFixed(0)} pt were left on page ${contact.page - 1}`,
    ).toBeGreaterThan(room - ROOM_SLACK);
  }
  if (references >= 0 && startsPage(doc, all[references]!)) {
    // The smallest part that may end a page: the heading keeps 5.5 lines' worth of what follows, entries
    // never split, the one before the last keeps two lines after it and the last keeps with the disclaimer.
    const heading = all[references]!;
    const count = citedReferences(input.references, input.sections).length;
    const starts = all
      .flatMap((l, i) =>
        i > references && LABEL.test(l.words[0]!.text) && l.words[0]!.xMin < heading.xMin + 1 ? [i] : [],
      )
      .slice(0, count);
    const ends = starts.map((_, k) => all[(starts[k + 1] ?? all.length) - 1]!);
    const k = ends.findIndex(
      (end, k) => k <= count - 3 && end.page === heading.page && end.yMax - heading.yMax >= doc.base * 5.5 - 1,
    );
    const last = k >= 0 ? ends[k]! : all.at(-1)!;
    const needed = last.page === heading.page ? last.yMax - heading.yMin + 16 : doc.bottom(heading.page) - doc.top;
    const room = roomBefore(doc, heading);
    expect(
      needed,
      `the references (${needed.toFixed(0)} pt) start page ${heading.page} though ${room.toFixed(0)} pt were left on page ${heading.page - 1}`,
    ).toBeGreaterThan(room - ROOM_SLACK);
  }
  const lastPage = body.at(-1)!;
  if (disclaimer >= 0)
    expect(all.indexOf(lastPage[0]!), `page ${body.length} holds only the disclaimer`).toBeLessThan(disclaimer);
}

// (f) A warning section's lines: its label ("! Get help now"), then every line inside its box (inset from the
// margin) up to the next section, note, label or contact block.
function checkWarnings(doc: Printed) {
  const t = messagesFor(doc.input.language);
  const wanted = doc.input.sections.filter((x) => x.warning);
  const labels = doc.all.filter((l) => l.text.endsWith(t.warningLabel));
  expect(labels.length, "one label per warning section").toBe(wanted.length);
  const area = (page: number) => doc.bottom(page) - doc.top;
  for (const label of labels) {
    const lines = [label];
    for (const l of doc.all.slice(doc.all.indexOf(label) + 1)) {
      if (
        l.xMin < doc.left + 8 ||
        l.text === t.notesTitle ||
        l.text.endsWith(t.warningLabel) ||
        l.text.startsWith("Questions?")
      )
        break;
      lines.push(l);
    }
    const heading = lines
      .slice(1)
      .filter(
        (l, i, rest) => l.height > label.height * 1.2 && rest.slice(0, i).every((x) => x.height > label.height * 1.2),
      );
    const what = `warning section "${heading.map((l) => l.text).join(" ")}"`;
    expect(heading.length, `${what}: its heading follows its label`).toBeGreaterThan(0);
    const pages = [...new Set(lines.map((l) => l.page))];
    // Above its label: margin, border and padding; below its last line: that line's margin, padding, border.
    const edges = 18 + 1.5 + 0.8 * doc.base + (6 + 0.8 * doc.base + 1.5);
    const height = pages.reduce((sum, page) => {
      const own = lines.filter((l) => l.page === page);
      return sum + own.at(-1)!.yMax - own[0]!.yMin;
    }, edges);
    if (pages.length > 1) {
      expect(height, `${what} split over pages ${pages.join(", ")} though it fits on one`).toBeGreaterThan(
        area(pages[0]!) - doc.base * 1.45,
      );
      const first = lines.filter((l) => l.page === label.page).length - 1 - heading.length;
      expect(first, `${what}: lines kept with its label and heading on page ${label.page}`).toBeGreaterThanOrEqual(4);
    } else if (startsPage(doc, label)) {
      const room = roomBefore(doc, label);
      expect(
        height,
        `${what} (${height.toFixed(0)} pt) starts page ${label.page} though ${room.toFixed(0)} pt were left on page ${label.page - 1}`,
      ).toBeGreaterThan(room - ROOM_SLACK);
    }
  }
  return labels.length;
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
  const gap = Math.min(
    ...lines.flatMap((l) => l.words.slice(1).map((w, i) => w.xMin - l.words[i]!.xMax)),
    lines[0]!.height / 3,
  );
  lines.forEach((l, i) => {
    if (lines.length < 2 || words(l).length > 1) return;
    const w = l.words[0]!;
    const before = lines[i - 1]?.words.at(-1);
    const after = lines[i + 1]?.words[0];
    const alone =
      (!before || before.xMax - before.xMin + gap + w.xMax - w.xMin > width) &&
      (!after || w.xMax - w.xMin + gap + after.xMax - after.xMin > width);
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
    if (
      line &&
      near(line.height, sectionHeight, 0.05) &&
      (!run.length || (run.at(-1)!.page === line.page && near(line.yMin - run.at(-1)!.yMax, run[0]!.height * 0.14, 2)))
    ) {
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
    else if (entries.length && near(line.words[0]!.xMin, entries.at(-1)![0]!.words[1]!.xMin))
      entries.at(-1)!.push(line);
    else if (entries.length) break;
  }
  expect(entries.length, "every cited reference is listed").toBe(references.length);
  let urls = 0;
  references.forEach((ref, i) => {
    const lines = entries[i]!.map((l, j) =>
      squash(
        j
          ? l.text
          : l.words
              .slice(1)
              .map((w) => w.text)
              .join(""),
      ),
    );
    const text = lines.join("");
    for (const url of ref.text.match(/https?:\/\/\S+/g) ?? []) {
      const address = url.replace(/[.,;:)\]]+$/, "");
      const from = text.indexOf(address);
      expect(
        from,
        `reference ${i + 1} prints ${address} as it is (printed: ${lines.join(" ⏎ ")})`,
      ).toBeGreaterThanOrEqual(0);
      let end = 0;
      for (const part of lines.slice(0, -1)) {
        end += part.length;
        if (end <= from || end >= from + address.length) continue;
        const next = text.slice(end);
        expect(
          URL_BREAK_BEFORE.test(next) || text.slice(end - 2, end) === "//",
          `reference ${i + 1} breaks ${address} before "${next.slice(0, 12)}"`,
        ).toBe(true);
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
      if (b.type === "table")
        for (const row of [b.header, ...b.rows]) for (const cell of row) cells.push(inlinesToPlainText(cell));
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
  it.each(COMBINATIONS)(
    "$pageSize, large print $largePrint, notes $notesPosition, $notes notes",
    async ({ pageSize, largePrint, notesPosition, notes }) => {
      const input = guideInput(guide, { pageSize, largePrint, notesPosition, notes: NOTES[notes] });
      const { bytes } = await renderHandoutPdf(input);
      const doc = printed(bytes, input);
      checkPages(doc);
      checkEndMatter(doc);
      checkLists(doc);
      checkHeadings(doc);
      const urls = checkReferences(doc);
      checkTables(doc);
      expect(checkWarnings(doc)).toBe(input.sections.filter((x) => x.warning).length);
      // The printed address and the link agree: each link goes to its reference's full address.
      if (pageSize === "LETTER" && !largePrint && notesPosition === "TOP" && notes === "short") {
        const links = linkTargets(bytes);
        for (const ref of citedReferences(input.references, input.sections))
          if (ref.url && ref.text.endsWith(ref.url)) expect(links).toContain(ref.url);
        expect(urls).toBeGreaterThan(0);
      }
    },
    30_000,
  );
});
