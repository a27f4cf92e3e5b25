// The structured body of a guide section. Stored as JSON in Section.blocks and rendered by both the
// portal pages and the PDF, so it carries meaning (lists, tables, marks) and never raw HTML.

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
  // (lib/guides/images.ts). alt is required: it is what a screen reader says instead of the picture.
  | { type: "image"; imageId: string; alt: string; caption: string | null };

export type SectionKind = "content" | "references" | "disclaimer";

export type Reference = { key: string; text: string; url: string | null };

// Only these become live links, in the PDF and on the patient page; anything else (javascript:, data:,
// plain http:) is printed as text.
export const SAFE_LINK = /^(https:|mailto:|tel:)/i;

/** The image ids a list of blocks names (pictures can sit inside list items). */
export function imageIdsIn(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.type === "image" ? [b.imageId] : b.type === "list" ? b.items.flatMap((i) => imageIdsIn(i.content)) : []));
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
