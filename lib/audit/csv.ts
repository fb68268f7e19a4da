// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 cell, always quoted. A cell that a spreadsheet would evaluate gets a
 * leading apostrophe, so it is shown as the text it is.
 */
export function csvCell(value: string | null | undefined): string {
  const text = value ?? "";
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${inert.replaceAll('"', '""')}"`;
}

/** A whole CSV document with CRLF line ends, as RFC 4180 and Excel expect. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | null | undefined)[])[]): string {
  return [header, ...rows].map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
