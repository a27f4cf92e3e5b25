// The editor toolbar's formats: exactly what the importer reads (bold, italic, lists, sub-headings, tables,
// links, citations), applied to the selected text of a section's Markdown. Pure, so it is unit-tested.

export type Format = "bold" | "italic" | "bullets" | "numbers" | "subheading" | "table" | "link" | "citation";

export type Edit = { text: string; start: number; end: number };

export const FORMAT_LABELS: Record<Format, string> = {
  bold: "Bold",
  italic: "Italic",
  bullets: "Bulleted list",
  numbers: "Numbered list",
  subheading: "Sub-heading",
  table: "Table",
  link: "Link",
  citation: "Citation",
};

function wrap(e: Edit, before: string, after: string, placeholder: string): Edit {
  const selected = e.text.slice(e.start, e.end) || placeholder;
  const text = e.text.slice(0, e.start) + before + selected + after + e.text.slice(e.end);
  return { text, start: e.start + before.length, end: e.start + before.length + selected.length };
}

// Whole lines the selection touches, each given a prefix (numbered lists count up).
function prefixLines(e: Edit, prefix: (i: number) => string, placeholder: string): Edit {
  const lineStart = e.text.lastIndexOf("\n", e.start - 1) + 1;
  const nextBreak = e.text.indexOf("\n", e.end);
  const lineEnd = nextBreak === -1 ? e.text.length : nextBreak;
  const lines = (e.text.slice(lineStart, lineEnd) || placeholder).split("\n");
  const block = lines.map((line, i) => prefix(i) + line.replace(/^(\s*)([-*+]|\d+[.)]|#{1,6})\s+/, "$1")).join("\n");
  // A list or heading needs a blank line before it, or it joins the paragraph above.
  const gap = lineStart > 0 && e.text[lineStart - 2] !== "\n" ? "\n" : "";
  const text = e.text.slice(0, lineStart) + gap + block + e.text.slice(lineEnd);
  return { text, start: lineStart + gap.length, end: lineStart + gap.length + block.length };
}

const TABLE = "\n\n| Exercise | How often |\n| --- | --- |\n| Calf stretch | Twice a day |\n";

export function applyFormat(format: Format, e: Edit): Edit {
  switch (format) {
    case "bold":
      return wrap(e, "**", "**", "bold text");
    case "italic":
      return wrap(e, "*", "*", "italic text");
    case "bullets":
      return prefixLines(e, () => "- ", "List item");
    case "numbers":
      return prefixLines(e, (i) => `${i + 1}. `, "First step");
    case "subheading":
      return prefixLines(e, () => "### ", "Sub-heading");
    case "table": {
      const text = e.text.slice(0, e.end) + TABLE + e.text.slice(e.end);
      return { text, start: e.end + 2, end: e.end + TABLE.length - 1 };
    }
    case "link": {
      const label = e.text.slice(e.start, e.end) || "link text";
      const inserted = `[${label}](https://)`;
      const text = e.text.slice(0, e.start) + inserted + e.text.slice(e.end);
      const url = e.start + label.length + 3;
      return { text, start: url, end: url + "https://".length };
    }
    case "citation":
      // Resolved against the References section by its author and year, as on import.
      return wrap(e, " (", ")", "Author, 2024");
  }
}
