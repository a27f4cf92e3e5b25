import { z } from "zod";
import { MAX_GUIDE_BYTES } from "@/lib/guides/import/parse-markdown";

// The import form sends either a file or pasted text; the parser itself reports every content problem.
export const importGuideSchema = z
  .object({
    file: z.instanceof(File).optional(),
    text: z.string().max(MAX_GUIDE_BYTES, "The text is larger than 1 MB.").default(""),
  })
  .refine((v) => (v.file && v.file.size > 0) || v.text.trim() !== "", {
    path: ["text"],
    message: "Choose a Markdown file or paste the guide's text.",
  })
  .refine((v) => !v.file || v.file.size <= MAX_GUIDE_BYTES, {
    path: ["file"],
    message: "The file is larger than 1 MB.",
  })
  .refine((v) => !v.file || v.file.size === 0 || /\.(md|markdown|txt)$/i.test(v.file.name), {
    path: ["file"],
    message: "Choose a Markdown file (.md).",
  });
