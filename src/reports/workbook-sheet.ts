import type ExcelJS from 'exceljs';

/** A cell value with the Excel number format it is shown in, if any. */
export type SheetCell = ExcelJS.CellValue | { value: number | Date; numFmt: string };

const isFormatted = (c: SheetCell): c is { value: number | Date; numFmt: string } =>
  typeof c === 'object' && c !== null && 'numFmt' in c && !(c instanceof Date);

/** A sheet with a bold, frozen, wrapping header row of the given columns; `add` appends a row with its formats. */
export function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly { header?: string; width: number }[],
): { ws: ExcelJS.Worksheet; add(cells: readonly SheetCell[]): ExcelJS.Row } {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ ...c }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  return {
    ws,
    add(cells) {
      const row = ws.addRow(cells.map((c) => (isFormatted(c) ? c.value : c)));
      cells.forEach((c, i) => {
        if (isFormatted(c)) row.getCell(i + 1).numFmt = c.numFmt;
      });
      return row;
    },
  };
}
