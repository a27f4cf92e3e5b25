"use client";

import { useState } from "react";
import { TextArea } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { ReadingMeter } from "@/components/handouts/reading-meter";
import { NOTES_MAX } from "@/lib/handouts/schemas";
import { fitPaste } from "@/lib/handouts/notes";
import type { ReadingLevel } from "@/lib/guides/readability";

const n = (v: number) => v.toLocaleString("en-US");

/**
 * The builder's notes: a paste longer than the room left keeps its beginning and says how much was cut (the
 * browser's maxlength would cut it without a word), with the reading level and the character count below.
 */
export function NotesField({
  notes,
  onNotes,
  errors,
  level,
  language,
}: {
  notes: string;
  onNotes: (v: string) => void;
  errors?: string[];
  level: ReadingLevel;
  language: string;
}) {
  const [cut, setCut] = useState<{ cut: number; kept: number } | null>(null);

  function onPaste(e: React.ClipboardEvent<HTMLTextAreaElement>) {
    const el = e.currentTarget;
    const pasted = e.clipboardData.getData("text/plain").replace(/\r\n?/g, "\n");
    const before = el.value.slice(0, el.selectionStart);
    const after = el.value.slice(el.selectionEnd);
    const fit = fitPaste(pasted, NOTES_MAX - before.length - after.length);
    if (!fit.cut) return setCut(null);
    e.preventDefault();
    onNotes(before + fit.kept + after);
    setCut({ cut: fit.cut, kept: fit.kept.length });
    const caret = before.length + fit.kept.length;
    requestAnimationFrame(() => el.setSelectionRange(caret, caret));
  }

  return (
    <div>
      <TextArea
        label="Notes for this patient"
        name="notes"
        rows={7}
        maxLength={NOTES_MAX}
        value={notes}
        onChange={(e) => onNotes(e.target.value)}
        onPaste={onPaste}
        hint='Plain text. Start a line with "- " for a bullet point.'
        errors={errors}
      />
      <div className="-mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
        <ReadingMeter label="Notes reading level" level={level} language={language} />
        <span className={notes.length > NOTES_MAX * 0.95 ? "font-medium text-red-800" : "text-slate-600"}>
          {n(notes.length)} / {n(NOTES_MAX)} characters
        </span>
      </div>
      {cut && (
        <div className="mt-2">
          <Alert tone="warning">
            {n(cut.cut)} characters were cut from the end of what you pasted: notes hold at most {n(NOTES_MAX)}{" "}
            characters. The first {n(cut.kept)} are in the notes.
          </Alert>
        </div>
      )}
    </div>
  );
}
