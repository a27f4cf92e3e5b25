import type { Block, Inline, Reference } from "./blocks";
import { inlinesToPlainText } from "./plain-text";
import { slugify } from "./slugify";

export const REFERENCES_HEADING = /^(references|sources|bibliography)\b/i;

const MAX_KEY_LENGTH = 40;
const DOI = /\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/|doi\.org\/)?(10\.\d{4,9}\/[^\s]+)/i;
const BARE_URL = /\b(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})(\/[^\s]*)?/gi;
// A domain without a path only counts when it is unmistakably one, so "Version.Two" never becomes a link.
const COMMON_TLDS = /\.(com|org|gov|edu|net|int|info|health|uk|ca|au|nz|ie|eu)$/i;

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

function trimTrailingPunctuation(text: string): string {
  return text.replace(/[.,;:!?)\]'"’”]+$/, "");
}

export function findUrlInText(text: string): string | null {
  const doi = DOI.exec(text);
  if (doi?.[1]) return validUrl(`https://doi.org/${trimTrailingPunctuation(doi[1])}`);
  for (const match of text.matchAll(BARE_URL)) {
    const [whole, host = "", path] = match;
    if (!path && !/^www\./i.test(host) && !COMMON_TLDS.test(host)) continue;
    const bare = trimTrailingPunctuation(whole.replace(/^https?:\/\//i, ""));
    const url = validUrl(/^http:\/\//i.test(whole) ? `http://${bare}` : `https://${bare}`);
    if (url) return url;
  }
  return null;
}

// Author + year ("bhatia-2020") keeps a key stable when the list is reordered; position is the fallback.
function baseKey(text: string, index: number): string {
  const year = /(?<!\d)(?:19|20)\d{2}(?!\d)/.exec(text);
  if (year) {
    const firstAuthor = text.slice(0, year.index).replace(/[\s(.,]+$/, "").split(",")[0] ?? "";
    let slug = slugify(firstAuthor);
    while (slug.length > MAX_KEY_LENGTH && slug.includes("-")) slug = slug.slice(0, slug.lastIndexOf("-"));
    if (slug) return `${slug.slice(0, MAX_KEY_LENGTH)}-${year[0]}`;
  }
  return `ref-${index + 1}`;
}

function uniqueKey(base: string, used: Set<string>): string {
  let key = base;
  // APA style: a second "Smith 2020" becomes "smith-2020b".
  for (let suffix = 98; used.has(key); suffix++) key = `${base}${String.fromCharCode(suffix)}`;
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
  const references = entries.map((content, index) => {
    const text = content
      .map((block) => (block.type === "paragraph" || block.type === "heading" ? inlinesToPlainText(block.children) : ""))
      .filter(Boolean)
      .join(" ");
    const url = firstLinkInBlocks(content) ?? findUrlInText(text);
    return { key: uniqueKey(baseKey(text, index), used), text, url };
  });
  const listBlocks: Block[] = lists.length > 0 ? blocks : [{ type: "list", ordered: false, items: entries.map((content) => ({ content })) }];
  return { references, blocks: listBlocks };
}
