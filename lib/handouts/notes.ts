// The builder's helpers for the notes field: its reading level and what a long paste keeps. The notes are read
// as printed (lib/handouts/printed/notes.ts).
import { parseNotes } from "@/lib/handouts/printed/notes";

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
