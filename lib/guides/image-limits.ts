// A guide picture's limits, shared by the server (library/images.ts), the parse threads (import/zip-check.ts) and the
// editor's upload form, so none of them imports the database.

export const GUIDE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const GUIDE_IMAGE_MAX_SIDE = 6000;
// 1600 px across a Letter page's 7.5-inch column is 213 dpi: sharp in print with room to spare.
export const GUIDE_IMAGE_WIDTH = 1600;
