// Guides are pasted or uploaded by clinic staff and parsed by a Markdown library with known super-linear
// paths (measured with micromark 4: 100 KB of "[a](" took 5.7 s, 100 KB of "*a" 58 s, 10 KB of nested ">"
// overflowed the stack). This linear pre-scan refuses the shapes that trigger them, with a message that
// says where, before the library sees the text; the parse itself runs in a thread with a time limit
// (lib/guides/import/parse-pool.ts) for anything this does not foresee.

// Quotes and lists inside each other; real guides use two or three levels.
export const MAX_NESTING = 8;
// Marks that open or close inline formatting, per paragraph (a list item and a table row each start a new
// one), and in the whole guide. The library's cost grows with the square of a paragraph's marks (measured:
// 1,000 paragraphs of 1,000 marks took 33 s, 80 of 250 took 1.6 s), so both are capped: at these limits
// its worst case stays near 2 s. A real paragraph has a few dozen marks, a long guide a few thousand.
export const MAX_MARKS_PER_BLOCK = 300;
export const MAX_MARKS_TOTAL = 20_000;
export const MAX_FRONT_MATTER_CHARS = 16_000;
export const MAX_REFERENCES = 300;
// One entry of the reference list: a citation, not a paragraph.
export const MAX_REFERENCE_CHARS = 2000;
export const MAX_SECTIONS = 100;
// List items in the whole guide (the parser's time grows with them; a long guide has a few hundred).
export const MAX_LIST_ITEMS = 3000;

// One table: rows below its header, and cells in all (a two-column table of 150,000 rows took 22.6 s to
// parse and would print as hundreds of pages). A handout's tables are a few dozen rows.
// In all, table cells cost the parser most per byte (20 tables of 200 × 10 took 3.2 s): at most 5 such.
export const MAX_TABLE_ROWS = 200;
export const MAX_TABLE_CELLS = 2000;
export const MAX_TABLE_CELLS_TOTAL = 10_000;

const MARKS = new Set(["*", "_", "[", "]", "`", "~", "<"]);

/** Nesting depth a line opens: leading ">" and list markers ("-", "*", "+", "1.", "1)"), and deep indents. */
function lineDepth(line: string): number {
  let depth = 0;
  let i = 0;
  let indent = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === " ") {
      indent++;
      i++;
    } else if (c === "\t") {
      indent += 4;
      i++;
    } else if (c === ">") {
      depth++;
      i++;
    } else if ((c === "-" || c === "*" || c === "+") && (line[i + 1] === " " || line[i + 1] === "\t")) {
      depth++;
      i += 2;
    } else if (c >= "0" && c <= "9") {
      let j = i;
      while (j < line.length && j - i < 9 && line[j]! >= "0" && line[j]! <= "9") j++;
      if ((line[j] === "." || line[j] === ")") && (line[j + 1] === " " || line[j + 1] === "\t")) {
        depth++;
        i = j + 2;
      } else break;
    } else break;
  }
  // A nested list needs about two more spaces per level.
  return Math.max(depth, Math.floor(indent / 2));
}

// A GFM table's delimiter row (| --- | :-: |); the line above it is the header.
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const cellsOf = (row: string) =>
  row
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "")
    .split(/(?<!\\)\|/);

type OpenTable = { line: number; header: string; columns: number; rows: number };

function tableProblem(t: OpenTable): string | null {
  const name = `The table on line ${t.line} ("${t.header.length > 60 ? `${t.header.slice(0, 57)}…` : t.header}")`;
  if (t.rows > MAX_TABLE_ROWS)
    return `${name} has more than ${MAX_TABLE_ROWS} rows; a table can have at most ${MAX_TABLE_ROWS}. Split it into smaller tables or shorten it.`;
  if (t.rows * t.columns > MAX_TABLE_CELLS) {
    return `${name} has more than ${MAX_TABLE_CELLS.toLocaleString("en-US")} cells (${t.columns} columns); a table can have at most ${MAX_TABLE_CELLS.toLocaleString("en-US")}. Split it into smaller tables or shorten it.`;
  }
  return null;
}

// A line that starts a new paragraph of its own: a list item or a table row.
const STARTS_BLOCK = /^\s*(?:[-*+]\s|\d{1,9}[.)]\s|\|)/;

/** The first problem that would make the text too expensive to parse, or null. */
export function checkGuideShape(text: string): string | null {
  let total = 0;
  let marks = 0;
  let blockStart = 1;
  let line = 0;
  let items = 0;
  let table: OpenTable | null = null;
  let cells = 0;
  let previous = "";
  for (const content of text.split("\n")) {
    line++;
    if (table) {
      if (content.trim() === "") table = null;
      else {
        table.rows++;
        const problem = tableProblem(table);
        if (problem) return problem;
        if ((cells += table.columns) > MAX_TABLE_CELLS_TOTAL) {
          return `The guide's tables have more than ${MAX_TABLE_CELLS_TOTAL.toLocaleString("en-US")} cells in all (line ${line}), more than any handout can print. Shorten or remove some tables.`;
        }
      }
    } else if (previous.includes("|") && content.includes("-") && TABLE_DELIMITER.test(content)) {
      const header = cellsOf(previous).map((c) => c.trim());
      table = { line: line - 1, header: header.join(" | "), columns: header.length, rows: 0 };
      const problem = tableProblem(table);
      if (problem) return problem;
    }
    previous = content;
    if (lineDepth(content) > MAX_NESTING) {
      return `Line ${line} is nested or indented more than ${MAX_NESTING} levels deep (quotes, lists or spaces at the start of the line). Flatten it and try again.`;
    }
    if (content.trim() === "") {
      marks = 0;
      blockStart = line + 1;
    } else if (STARTS_BLOCK.test(content)) {
      marks = 0;
      blockStart = line;
      if (!/^\s*\|/.test(content) && ++items > MAX_LIST_ITEMS) {
        return `The guide has more than ${MAX_LIST_ITEMS.toLocaleString("en-US")} list items (line ${line}), more than any handout can use. Shorten the lists and try again.`;
      }
    }
    for (const c of content) {
      if (!MARKS.has(c)) continue;
      if (++marks > MAX_MARKS_PER_BLOCK) {
        return `The paragraph that starts on line ${blockStart} has more than ${MAX_MARKS_PER_BLOCK.toLocaleString("en-US")} formatting marks (* _ [ ] \` ~ <). Split it into shorter paragraphs or remove stray marks.`;
      }
      if (++total > MAX_MARKS_TOTAL) {
        return `The guide has more than ${MAX_MARKS_TOTAL.toLocaleString("en-US")} formatting marks (* _ [ ] \` ~ <) in all, more than any guide needs. Remove stray marks and try again.`;
      }
    }
  }
  return null;
}
