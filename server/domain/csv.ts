// CSV that opens cleanly in Excel and WPS in both languages: a UTF-8 byte-order mark (without it
// Excel shows Chinese as mojibake), CRLF line ends, and quoting per RFC 4180.

export type CsvCell = string | number | boolean | null | undefined;

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe. */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers are written as numbers (a negative value stays a number, not text).
  const text = typeof value === 'string' ? neutralised(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: CsvCell[][]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
