// The largest guide files accepted: read by the importer, the zip reader and the import forms, which check
// a chosen file against them before sending it.
export const MAX_GUIDE_BYTES = 1024 * 1024;
export const ZIP_MAX_BYTES = 20 * 1024 * 1024;
