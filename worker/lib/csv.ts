/**
 * CSV as RFC 4180 writes it (comma, CRLF, quotes doubled), for spreadsheets:
 * - a UTF-8 byte-order mark first, or Excel reads Arabic titles as mojibake;
 * - text that starts with = + - @ (or a tab or carriage return) is prefixed with an apostrophe, so a
 *   course title like `=HYPERLINK(...)` stays text instead of becoming a formula (OWASP's CSV injection
 *   advice). Numbers are written as numbers: -3 is a value, not a formula.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
