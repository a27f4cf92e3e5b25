import type { Block, Inline, Reference } from "@/lib/guides/blocks";

// A stored version's blocks back as the importer's Markdown, so a guide imported from a file (whose text is
// not kept) can be edited in the portal. Parsing the result gives the same blocks again
// (tests/unit/guides/blocks-to-markdown.test.ts).

const escapeText = (text: string) => text.replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`);

function inlines(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      if (n.type === "link") return `[${inlines(n.children)}](<${n.href.replace(/[<>]/g, encodeURIComponent)}>)`;
      if (n.type === "cite") return escapeText(n.text);
      // A hard line break inside a paragraph: a backslash at the end of the line.
      let text = escapeText(n.text).replace(/\n/g, "\\\n");
      if (text.trim() === "") return text;
      const lead = /^\s*/.exec(text)![0];
      const trail = /\s*$/.exec(text)![0];
      text = text.trim();
      if (n.bold && n.italic) text = `***${text}***`;
      else if (n.bold) text = `**${text}**`;
      else if (n.italic) text = `*${text}*`;
      return `${lead}${text}${trail}`;
    })
    .join("");
}

// A line that would start a list, heading or quote must not when it is plain text.
const escapeLineStart = (line: string) => line.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, "$1\\$2");

const cell = (nodes: Inline[]) => inlines(nodes).replace(/\n/g, " ");

function block(b: Block): string {
  switch (b.type) {
    case "paragraph":
      return inlines(b.children).split("\n").map(escapeLineStart).join("\n");
    case "heading":
      return `${"#".repeat(b.level)} ${inlines(b.children)}`;
    case "list":
      return b.items
        .map((item, i) => {
          const marker = b.ordered ? `${(b.start ?? 1) + i}. ` : "- ";
          const body = blocksToMarkdown(item.content).split("\n");
          return body
            .map((line, j) => (j === 0 ? marker + line : line === "" ? "" : " ".repeat(marker.length) + line))
            .join("\n");
        })
        .join("\n");
    case "table": {
      const align = b.align.map((a) =>
        a === "center" ? ":---:" : a === "right" ? "---:" : a === "left" ? ":---" : "---",
      );
      return [
        `| ${b.header.map(cell).join(" | ")} |`,
        `| ${align.join(" | ")} |`,
        ...b.rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
      ].join("\n");
    }
    case "image":
      return `![${escapeText(b.alt)}](image:${b.imageId}${b.caption ? ` ${JSON.stringify(b.caption)}` : ""})`;
  }
}

export function blocksToMarkdown(blocks: Block[]): string {
  // Lists hold blocks separated by a blank line, so a nested list or a second paragraph stays in its item.
  return blocks.map(block).join("\n\n");
}

/** The references section: one list item per reference, as the importer reads them. */
export function referencesToMarkdown(references: Reference[]): string {
  return references.map((r) => `- ${r.url && !r.text.includes(r.url) ? `${r.text} ${r.url}` : r.text}`).join("\n");
}
