import type { Block, Inline, Reference } from "../blocks";
import { inlinesToPlainText } from "../plain-text";
import { slugify } from "../slugify";

// English and Spanish headings (variants of a guide are often translations).
export const REFERENCES_HEADING = /^(references|sources|bibliography|referencias|fuentes|bibliograf[ií]a)(?![\p{L}])/iu;

const MAX_KEY_LENGTH = 40;
const DOI = /^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/|doi\.org\/)?(10\.\d{4,9}\/\S+)$/i;
// A host name label: letters, digits and inner hyphens.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
// A domain without a path only counts when it is unmistakably one, so "Version.Two" never becomes a link.
const COMMON_TLDS = /^(com|org|gov|edu|net|int|info|health|uk|ca|au|nz|ie|eu)$/i;
const MAX_URL_LENGTH = 2000;

function firstLinkHref(inlines: Inline[]): string | null {
  for (const inline of inlines) {
    if (inline.type === "link" && /^https?:/i.test(inline.href)) return inline.href;
  }
  return null;
}

function firstLinkInBlocks(blocks: Block[]): string | null {
  for (const block of blocks) {
    const found =
      block.type === "paragraph" || block.type === "heading"
        ? firstLinkHref(block.children)
        : block.type === "list"
          ? firstLinkInBlocks(block.items.flatMap((item) => item.content))
          : null;
    if (found) return found;
  }
  return null;
}

function validUrl(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === "https:" || url.protocol === "http:" ? candidate : null;
  } catch {
    return null;
  }
}

const TRAILING = new Set([...".,;:!?)]'\"’”>"]);

const AUTHOR_TRAILING = new Set([..." \t\n(.,"]);

// A loop, not a regular expression: "[…]+$" backtracks quadratically on a long run of such characters.
function trimEnd(text: string, chars: Set<string>): string {
  let end = text.length;
  while (end > 0 && chars.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}

const trimTrailingPunctuation = (text: string) => trimEnd(text, TRAILING);

/**
 * The first web address in a reference's text: a DOI (as https://doi.org/…) or a URL, with or without its
 * scheme. Word by word, each word checked once: linear in the text whatever it holds (a regular expression
 * over the whole text took 17 s on 200 KB of "a.a.a…").
 */
export function findUrlInText(text: string): string | null {
  const words = text
    .split(/\s+/)
    .filter((w) => w.length <= MAX_URL_LENGTH)
    .map((w) => trimTrailingPunctuation(w.replace(/^[(<[]+/, "")))
    .filter(Boolean);
  for (const word of words) {
    const doi = DOI.exec(word);
    if (doi?.[1]) return validUrl(`https://doi.org/${trimTrailingPunctuation(doi[1])}`);
  }
  for (const [i, word] of words.entries()) {
    if (/^doi:?$/i.test(word) && words[i + 1]?.startsWith("10.")) return validUrl(`https://doi.org/${words[i + 1]}`);
  }
  for (const word of words) {
    const scheme = /^https?:\/\//i.exec(word)?.[0] ?? "";
    const rest = word.slice(scheme.length);
    const slash = rest.indexOf("/");
    const host = slash < 0 ? rest : rest.slice(0, slash);
    const labels = host.split(".");
    const tld = labels.at(-1) ?? "";
    if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^[a-z]{2,24}$/i.test(tld)) continue;
    if (slash < 0 && !/^www\./i.test(host) && !COMMON_TLDS.test(tld)) continue;
    const url = validUrl(`${/^http:/i.test(scheme) ? "http" : "https"}://${rest}`);
    if (url) return url;
  }
  return null;
}

// Author + year ("bhatia-2020") keeps a key stable when the list is reordered; position is the fallback.
function baseKey(text: string, index: number): string {
  const year = /(?<!\d)(?:19|20)\d{2}(?!\d)/.exec(text);
  if (year) {
    const firstAuthor = trimEnd(text.slice(0, year.index), AUTHOR_TRAILING).split(",")[0] ?? "";
    let slug = slugify(firstAuthor);
    while (slug.length > MAX_KEY_LENGTH && slug.includes("-")) slug = slug.slice(0, slug.lastIndexOf("-"));
    if (slug) return `${slug.slice(0, MAX_KEY_LENGTH)}-${year[0]}`;
  }
  return `ref-${index + 1}`;
}

// APA style: a second "Smith 2020" becomes "smith-2020b", up to "z"; then "smith-2020-27", "-28"… The next
// suffix per base is remembered, so a thousand references of one author and year cost a thousand steps.
function uniqueKey(base: string, used: Set<string>, next: Map<string, number>): string {
  let key = base;
  for (let n = next.get(base) ?? 2; used.has(key); n++) {
    key = n <= 26 ? `${base}${String.fromCharCode(96 + n)}` : `${base}-${n}`;
    next.set(base, n + 1);
  }
  used.add(key);
  return key;
}

// One reference per list item, or per paragraph when the section is not a list. Returns the blocks to
// store for the section too, always as a list so every page renders references the same way.
export function extractReferences(blocks: Block[]): { references: Reference[]; blocks: Block[] } {
  const lists = blocks.filter((block) => block.type === "list");
  const entries: Block[][] =
    lists.length > 0
      ? lists.flatMap((list) => list.items.map((item) => item.content))
      : blocks.filter((block) => block.type === "paragraph").map((block) => [block]);
  const used = new Set<string>();
  const next = new Map<string, number>();
  const references = entries.map((content, index) => {
    const text = content
      .map((block) =>
        block.type === "paragraph" || block.type === "heading" ? inlinesToPlainText(block.children) : "",
      )
      .filter(Boolean)
      .join(" ");
    const url = firstLinkInBlocks(content) ?? findUrlInText(text);
    return { key: uniqueKey(baseKey(text, index), used, next), text, url };
  });
  const listBlocks: Block[] =
    lists.length > 0 ? blocks : [{ type: "list", ordered: false, items: entries.map((content) => ({ content })) }];
  return { references, blocks: listBlocks };
}
