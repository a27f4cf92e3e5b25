// A guide picture's limits, and which pictures a section's blocks show: shared by the server (images.ts),
// the parse threads (zip-check.ts) and the editor's upload form, so none of them imports the database.
import type { Block } from "./blocks";

export const GUIDE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const GUIDE_IMAGE_MAX_SIDE = 6000;
// 1600 px across a Letter page's 7.5-inch column is 213 dpi: sharp in print with room to spare.
export const GUIDE_IMAGE_WIDTH = 1600;

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
