import type { Block, Inline, Reference } from "../blocks";

// "(Author, 2022)", "(Author et al., 2020)" and "(Author. 2022)": parenthesised, a name-like author part,
// then a comma or period and a year at the very end. "(see below)" or "(2 to 3 times)" never match.
const CITATION = /\(([^()]{2,200}?)[,.]\s{0,3}((?:19|20)\d{2})\)/g;
const NAME_LIKE = /^\p{Lu}[\p{L}\p{M}'’.\-&,\s]*$/u;
const MAX_AUTHOR_WORDS = 12;

function isNameLike(author: string): boolean {
  return NAME_LIKE.test(author) && author.split(/\s+/).length <= MAX_AUTHOR_WORDS;
}

function startsWithName(text: string, name: string): boolean {
  if (!name) return false;
  const head = text.slice(0, name.length).toLowerCase();
  const next = text.charAt(name.length);
  return head === name.toLowerCase() && !/[\p{L}\p{N}]/u.test(next);
}

// Years a reference mentions, worked out once per reference (a guide may have hundreds of citations).
const years = new WeakMap<Reference, Set<string>>();
function yearsOf(ref: Reference): Set<string> {
  let found = years.get(ref);
  if (!found) years.set(ref, (found = new Set(ref.text.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? [])));
  return found;
}

// Citations name either the whole author ("Merck Manual") or the first author's full name
// ("Anuj Bhatia et al.") while the reference list starts with the surname ("Bhatia, A."), so try both.
export function resolveCitation(author: string, year: string, references: Reference[]): string | null {
  const whole = author
    .replace(/\s+/g, " ")
    .replace(/\bet al\.?$/i, "")
    .replace(/[\s.,]+$/, "")
    .trim();
  const firstAuthor = whole.split(/\s*(?:,|&|\band\b)\s*/)[0] ?? "";
  const surname = firstAuthor.split(" ").pop() ?? "";
  const hasYear = (ref: Reference) => yearsOf(ref).has(year);
  for (const name of [whole, surname]) {
    const match = references.find((ref) => hasYear(ref) && startsWithName(ref.text.trim(), name));
    if (match) return match.key;
  }
  return null;
}

type CiteFound = { text: string; refKey: string | null };

function splitText(inline: Extract<Inline, { type: "text" }>, references: Reference[], found: CiteFound[]): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of inline.text.matchAll(CITATION)) {
    const [whole, author = "", year = ""] = match;
    if (!isNameLike(author.trim())) continue;
    const cite = { type: "cite" as const, text: whole, refKey: resolveCitation(author, year, references) };
    if (match.index > last) out.push({ ...inline, text: inline.text.slice(last, match.index) });
    out.push(cite);
    found.push(cite);
    last = match.index + whole.length;
  }
  if (last === 0) return [inline];
  if (last < inline.text.length) out.push({ ...inline, text: inline.text.slice(last) });
  return out;
}

function linkInlines(inlines: Inline[], references: Reference[], found: CiteFound[]): Inline[] {
  return inlines.flatMap((inline) => (inline.type === "text" ? splitText(inline, references, found) : [inline]));
}

function linkBlock(block: Block, references: Reference[], found: CiteFound[]): Block {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return { ...block, children: linkInlines(block.children, references, found) };
    case "list":
      return {
        ...block,
        items: block.items.map((item) => ({
          content: item.content.map((child) => linkBlock(child, references, found)),
        })),
      };
    case "table":
      return {
        ...block,
        header: block.header.map((cell) => linkInlines(cell, references, found)),
        rows: block.rows.map((row) => row.map((cell) => linkInlines(cell, references, found))),
      };
    case "image":
      return block;
  }
}

export function linkCitations(
  blocks: Block[],
  references: Reference[],
  sectionTitle: string,
): { blocks: Block[]; citedRefKeys: string[]; warnings: string[] } {
  const found: CiteFound[] = [];
  const linked = blocks.map((block) => linkBlock(block, references, found));
  const citedRefKeys = [...new Set(found.flatMap((cite) => (cite.refKey ? [cite.refKey] : [])))];
  const warnings = found
    .filter((cite) => cite.refKey === null)
    .map((cite) => `Citation "${cite.text}" in section "${sectionTitle}" does not match any reference.`);
  return { blocks: linked, citedRefKeys, warnings: [...new Set(warnings)] };
}
