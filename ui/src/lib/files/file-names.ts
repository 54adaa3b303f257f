// Small helpers of the import and export view: names of chosen files, and row lists.

/** The last part of a path, with either separator (a Windows path names C:\Users\Sören\x.csv). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** Whether a dropped file is one the importer reads: an Excel workbook or a CSV file. */
export function isSpreadsheet(path: string): boolean {
  return /\.(xlsx|csv|txt)$/i.test(path);
}

/** Row numbers for a sentence: the first ten, then "…". */
export function rowList(rows: number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  return rows.length > 10 ? `${shown}, …` : shown;
}
