// CSV text per RFC 4180, safe to open in a spreadsheet: the keys grid's export and the
// activity log's share it.
const NEEDS_QUOTES = /[",\r\n]/;
// A cell starting with one of these is run as a formula by Excel and LibreOffice (CSV
// injection): a key's title is typed by any administrator, so such a cell is defused.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows → CSV: CRLF line ends, and a byte-order mark so that spreadsheets read it as UTF-8
 * (titles and names are often accented).
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
