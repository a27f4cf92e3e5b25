// The structured body of a guide section. Stored as JSON in Section.blocks and rendered by both the
// portal pages and the PDF, so it carries meaning (lists, tables, marks) and never raw HTML.
import { z } from "zod";

export type Inline =
  | { type: "text"; text: string; bold?: boolean; italic?: boolean }
  | { type: "link"; href: string; children: Inline[] }
  // An inline citation such as "(Merck Manual, 2022)"; refKey is the reference it resolved to, null when unresolved.
  | { type: "cite"; text: string; refKey: string | null };

export type ListItem = { content: Block[] };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; level: 3 | 4 | 5 | 6; children: Inline[] }
  | { type: "list"; ordered: boolean; start?: number; items: ListItem[] }
  | { type: "table"; align: ("left" | "right" | "center" | null)[]; header: Inline[][]; rows: Inline[][][] }
  // A picture on a line of its own, `![alt](ref "caption")`: imageId names a GuideImage row of the same clinic
  // (lib/guides/library/images.ts). alt is required: it is what a screen reader says instead of the picture.
  | { type: "image"; imageId: string; alt: string; caption: string | null };

// Section.blocks is read for years after it was written, so it is parsed on read (readBlocks), never cast:
// a row an older importer wrote still reads, and a damaged one fails loudly. Keys are kept as stored and
// nothing is filled in, because the seal (lib/handouts/seal.ts) hashes the blocks as read: a field added
// later is `.optional()` here, read as absent from older rows; a default would change the seal of every
// handout printed before it.
const inlineSchema: z.ZodType<Inline> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.looseObject({
      type: z.literal("text"),
      text: z.string(),
      bold: z.boolean().optional(),
      italic: z.boolean().optional(),
    }),
    z.looseObject({ type: z.literal("link"), href: z.string(), children: z.array(inlineSchema) }),
    z.looseObject({ type: z.literal("cite"), text: z.string(), refKey: z.string().nullable() }),
  ]),
);
const inlinesSchema = z.array(inlineSchema);

const blockSchema: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.looseObject({ type: z.literal("paragraph"), children: inlinesSchema }),
    z.looseObject({
      type: z.literal("heading"),
      level: z.union([z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
      children: inlinesSchema,
    }),
    z.looseObject({
      type: z.literal("list"),
      ordered: z.boolean(),
      start: z.number().optional(),
      items: z.array(z.looseObject({ content: z.array(blockSchema) })),
    }),
    z.looseObject({
      type: z.literal("table"),
      align: z.array(z.enum(["left", "right", "center"]).nullable()),
      header: z.array(inlinesSchema),
      rows: z.array(z.array(inlinesSchema)),
    }),
    z.looseObject({ type: z.literal("image"), imageId: z.string(), alt: z.string(), caption: z.string().nullable() }),
  ]),
);

export const blocksSchema = z.array(blockSchema);

/** A section's stored blocks (Section.blocks), checked. */
export const readBlocks = (json: unknown): Block[] => blocksSchema.parse(json);

export type SectionKind = "content" | "references" | "disclaimer";

export type Reference = { key: string; text: string; url: string | null };

// Only these become live links, in the PDF and on the patient page; anything else (javascript:, data:,
// plain http:) is printed as text.
export const SAFE_LINK = /^(https:|mailto:|tel:)/i;

/** The image ids a list of blocks names (pictures can sit inside list items). */
export function imageIdsIn(blocks: Block[]): string[] {
  return blocks.flatMap((b) =>
    b.type === "image" ? [b.imageId] : b.type === "list" ? b.items.flatMap((i) => imageIdsIn(i.content)) : [],
  );
}

/** The blocks with each picture `renamed` names pointing at its new id (the rest as they are). */
export function renameImages(blocks: Block[], renamed: Map<string, string>): Block[] {
  return blocks.map((b) =>
    b.type === "image" && renamed.has(b.imageId)
      ? { ...b, imageId: renamed.get(b.imageId)! }
      : b.type === "list"
        ? { ...b, items: b.items.map((i) => ({ ...i, content: renameImages(i.content, renamed) })) }
        : b,
  );
}
