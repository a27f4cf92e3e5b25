// Clinician notes are plain text: lines starting with "- " form a bullet list, a blank line starts a new
// paragraph, other line breaks are kept. Used by the preview and the PDF, so both read the notes alike.
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

const asSentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** Notes as sentences for the reading-level meter, and the part of them that is bullet points. */
export function notesReadingText(text: string): { text: string; list: string } {
  const blocks = parseNotes(text);
  const sentences = blocks.flatMap((b) => (b.type === "paragraph" ? [b.lines.join(" ")] : b.items)).map(asSentence);
  const list = blocks.flatMap((b) => (b.type === "bullets" ? b.items : [])).map(asSentence);
  return { text: sentences.join("\n"), list: list.join("\n") };
}

/** How much of a paste fits in `room` characters: its beginning (never half a surrogate pair), and how many were cut. */
export function fitPaste(pasted: string, room: number): { kept: string; cut: number } {
  if (pasted.length <= room) return { kept: pasted, cut: 0 };
  let kept = pasted.slice(0, Math.max(0, room));
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return { kept, cut: pasted.length - kept.length };
}
