// Clinician notes are plain text: lines starting with "- " form a bullet list, a blank line starts a new
// paragraph, other line breaks are kept. Read once for the printed model
// (lib/handouts/printed/build.ts), so the PDF and the patient page show the same blocks.
export type NotesBlock = { type: "paragraph"; lines: string[] } | { type: "bullets"; items: string[] };

export function parseNotes(text: string): NotesBlock[] {
  const blocks: NotesBlock[] = [];
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    const last = blocks.at(-1);
    const bullet = /^\s*[-•*]\s+(.*)$/.exec(line);
    if (bullet) {
      if (last?.type === "bullets") last.items.push(bullet[1]!);
      else blocks.push({ type: "bullets", items: [bullet[1]!] });
    } else if (line.trim() === "") {
      blocks.push({ type: "paragraph", lines: [] });
    } else if (last?.type === "paragraph") {
      last.lines.push(line);
    } else {
      blocks.push({ type: "paragraph", lines: [line] });
    }
  }
  return blocks.filter((b) => (b.type === "paragraph" ? b.lines.length > 0 : b.items.length > 0));
}
