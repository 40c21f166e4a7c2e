// A small RFC 4180 CSV writer and a download helper, for exports Norwegian Excel opens directly (`;`, UTF-8 with BOM).
import { downloadBlob } from './fileDownload';

/** Excel reads `;` as the separator in Norwegian locales, where `,` is the decimal mark. */
export const csvSeparator = ';';

// Excel guesses the encoding from a byte order mark; without it "Ås" turns into "Ã…s".
const byteOrderMark = '\uFEFF';

/**
 * A cell Excel would run as a formula (=, +, -, @ first: CSV injection) gets a leading apostrophe,
 * which Excel shows as text. Numbers, signed ones included ("-1 234,50", "+47 912 34 567"), stay.
 * Names and messages here come from the public website, so every export goes through this.
 */
export function spreadsheetText(value: string): string {
  if (/^[+-]?[\d\s.,\u00a0\u202f]+$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Quotes a field when it holds the separator, a comma, a quote or a line break; quotes inside are doubled (RFC 4180). */
export function csvField(value: string, separator: string = csvSeparator): string {
  const needsQuotes = value.includes(separator) || /[",\r\n]/.test(value);
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text with CRLF line ends, as RFC 4180 asks; no BOM (see `csvBlob`). */
export function toCsv(rows: readonly (readonly string[])[], separator: string = csvSeparator): string {
  return rows
    .map((row) => row.map((field) => csvField(spreadsheetText(field), separator)).join(separator))
    .join('\r\n');
}

/** The CSV text as a file, with the BOM Excel needs to read it as UTF-8. */
export function csvBlob(text: string): Blob {
  return new Blob([byteOrderMark, text], { type: 'text/csv;charset=utf-8' });
}

/** Lets the browser save the rows as a CSV file under the given name. */
export function downloadCsv(fileName: string, rows: readonly (readonly string[])[]): void {
  downloadBlob(fileName, csvBlob(toCsv(rows)));
}
