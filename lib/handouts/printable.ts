import { AppError } from "@/lib/errors";
import { unprintableCharacters } from "@/lib/printable/coverage";
import { unprintableMessage } from "@/lib/handouts/describe-characters";
import type { ContactBlock } from "@/lib/handouts/schemas";

// Every text a clinician types that the PDF prints, with the label of its field in the builder.
const FIELDS = {
  title: "Handout title",
  notes: "Notes for this patient",
  preparedFor: "Prepared for",
  clinicName: "Clinic name",
  phone: "Phone",
  email: "Email",
  address: "Address",
  website: "Website",
  hours: "Hours",
  clinicianName: "Clinician",
  credentials: "Credentials",
  directPhone: "Direct line",
} as const;

export type Unprintable = { field: keyof typeof FIELDS; label: string; characters: string[] };

type Texts = { title?: string; notes?: string; preparedFor?: string; contact?: Partial<ContactBlock> };

/** The fields whose text holds characters no embedded font can draw (the PDF would show empty boxes). */
export function unprintableFields(texts: Texts): Unprintable[] {
  const values: Record<keyof typeof FIELDS, string | undefined> = {
    title: texts.title,
    notes: texts.notes,
    preparedFor: texts.preparedFor,
    ...texts.contact,
  } as never;
  return (Object.keys(FIELDS) as (keyof typeof FIELDS)[]).flatMap((field) => {
    const characters = unprintableCharacters(values[field] ?? "");
    return characters.length ? [{ field, label: FIELDS[field], characters }] : [];
  });
}

/** Refuses a handout or template that would print something other than what was typed. */
export function refuseUnprintable(texts: Texts): void {
  const found = unprintableFields(texts);
  if (!found.length) return;
  const all = [...new Set(found.flatMap((f) => f.characters))];
  throw new AppError(
    "BAD_REQUEST",
    unprintableMessage(all),
    Object.fromEntries(found.map((f) => [f.field, [unprintableMessage(f.characters)]])),
  );
}
