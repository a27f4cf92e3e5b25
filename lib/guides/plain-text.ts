import type { Block, Inline } from "./blocks";

// Citations are left out: they are bibliographic noise for search and would skew the reading level.
export function inlinesToPlainText(inlines: Inline[]): string {
  const raw = inlines
    .map((inline) => {
      if (inline.type === "text") return inline.text;
      if (inline.type === "link") return inlinesToPlainText(inline.children);
      return "";
    })
    .join("");
  return raw
    .replace(/[ \t]{2,}/g, " ")
    .replace(/ +([.,;:!?])/g, "$1")
    .replace(/ *\n */g, "\n")
    .trim();
}

// Readability formulas count sentences by their closing punctuation, so list items, headings and table
// rows (which usually have none) get a period; otherwise a whole list would score as one long sentence.
function asSentence(text: string): string {
  if (text === "" || /[.!?]["'’”)\]]*$/.test(text)) return text;
  return `${text}.`;
}

function blockLines(block: Block, inList: boolean): string[] {
  switch (block.type) {
    case "paragraph": {
      const text = inlinesToPlainText(block.children);
      return text ? [inList ? asSentence(text) : text] : [];
    }
    case "heading": {
      const text = inlinesToPlainText(block.children);
      return text ? [asSentence(text)] : [];
    }
    case "list":
      return block.items.flatMap((item) => item.content.flatMap((child) => blockLines(child, true)));
    case "table":
      return [block.header, ...block.rows]
        .map((row) => row.map(inlinesToPlainText).filter(Boolean).join(", "))
        .filter(Boolean)
        .map(asSentence);
    // The caption is printed; the description is for screen readers and is not part of the reading level.
    case "image":
      return block.caption ? [asSentence(block.caption)] : [];
  }
}

export function blocksToPlainText(blocks: Block[]): string {
  return blocks.flatMap((block) => blockLines(block, false)).join("\n");
}
