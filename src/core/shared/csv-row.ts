/**
 * One line of a CSV file (RFC 4180) that a spreadsheet opens as data, never as formulas: text is marked by
 * neutraliseCellText (src/core/shared/neutralise.ts) and always quoted, numbers are written as numbers (a negative
 * number is a number, not text starting with "-"), booleans as TRUE / FALSE, empty cells as nothing.
 */
import { neutraliseCellText } from './neutralise.ts';

export type CsvCell = string | number | boolean | null | undefined;

/** One field: text neutralised and quoted (quotes doubled), a finite number as is, a non-finite one empty. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return `"${neutraliseCellText(cell).replaceAll('"', '""')}"`;
}

/** One record, its fields joined by commas and ended by CRLF. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}
