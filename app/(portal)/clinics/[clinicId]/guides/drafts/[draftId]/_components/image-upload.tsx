"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { oversizedFiles } from "@/components/ui/use-form-action";
import { GUIDE_IMAGE_MAX_BYTES } from "@/lib/guides/image-limits";
import { uploadGuideImageAction } from "../../actions";

/**
 * Adds a picture to a section: the file is checked and re-encoded on the server (PNG, JPEG or WebP, up to
 * 5 MB), then `![description](image:<id> "caption")` goes into the text where the cursor was.
 */
export function ImageUpload({
  clinicId,
  draftId,
  onAdded,
}: {
  clinicId: string;
  draftId: string;
  onAdded: (markdown: string, image: { id: string; width: number; height: number }) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Add a picture
      </Button>
    );
  }
  // Not a <form> of its own: it sits inside the editor, and nested forms are invalid HTML.
  async function upload(box: HTMLElement) {
    const value = (name: string) => box.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    const file = value("file")?.files?.[0];
    const alt = (value("alt")?.value ?? "").trim();
    const caption = (value("caption")?.value ?? "").trim().replace(/"/g, "'");
    if (!file) return setError("Choose a picture.");
    const fd = new FormData();
    fd.set("draftId", draftId);
    fd.set("file", file);
    const tooLarge = oversizedFiles(fd, { file: { maxBytes: GUIDE_IMAGE_MAX_BYTES, noun: "a guide picture" } })
      .file?.[0];
    if (tooLarge) return setError(tooLarge);
    if (!alt) return setError("Describe the picture for people who cannot see it.");
    setBusy(true);
    setError(null);
    const result = await uploadGuideImageAction(clinicId, null, fd)
      .catch(() => ({
        ok: false,
        message: "The picture could not be sent. Check your connection and try again.",
        data: undefined,
        fieldErrors: undefined,
      }))
      .finally(() => setBusy(false));
    if (!result.ok || !result.data)
      return setError(
        result.fieldErrors?.file?.[0] ??
          result.fieldErrors?.image?.[0] ??
          result.message ??
          "The picture could not be added.",
      );
    onAdded(`![${alt.replace(/[[\]]/g, "")}](image:${result.data.id}${caption ? ` "${caption}"` : ""})`, result.data);
    setOpen(false);
  }
  return (
    <fieldset className="rounded-md border border-slate-300 p-3">
      <legend className="px-1 text-sm font-semibold">Add a picture</legend>
      <div className="grid gap-2">
        <label htmlFor={`${id}-file`} className="text-sm font-medium">
          Picture (PNG, JPEG or WebP, up to 5 MB)
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label htmlFor={`${id}-alt`} className="text-sm font-medium">
          Description (required: read aloud to people who cannot see it)
        </label>
        <input id={`${id}-alt`} name="alt" className="rounded-md border border-slate-400 px-3 py-2" maxLength={300} />
        <label htmlFor={`${id}-caption`} className="text-sm font-medium">
          Caption (optional, printed under the picture)
        </label>
        <input
          id={`${id}-caption`}
          name="caption"
          className="rounded-md border border-slate-400 px-3 py-2"
          maxLength={300}
        />
        {error && (
          <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-800">
            {error}
          </p>
        )}
        <div className="flex gap-2">
          <Button
            disabled={busy}
            onClick={(e) => {
              const box = (e.currentTarget as HTMLElement).closest("fieldset");
              if (box) void upload(box);
            }}
          >
            {busy ? "Uploading…" : "Upload"}
          </Button>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </div>
      </div>
    </fieldset>
  );
}
