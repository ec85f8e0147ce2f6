// Limits of the Excel import, checked before a workbook is parsed (README "Excel").
// The template of the largest form is ~45 KB and ~4,400 cells, so these leave
// room for formatting added by Excel/LibreOffice while bounding memory and CPU.

/** Multipart file size (compressed .xlsx). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Number of zip entries (a template has ~25; LibreOffice re-saves ~30). */
export const MAX_ZIP_ENTRIES = 500;
/** Sum of the uncompressed sizes of all entries. */
export const MAX_UNCOMPRESSED_BYTES = 60 * 1024 * 1024;
/** Uncompressed / compressed size of one entry; XML rarely exceeds 100. */
export const MAX_COMPRESSION_RATIO = 500;
/** Cells (`<c>` elements) over all worksheets. */
export const MAX_CELLS = 200_000;
