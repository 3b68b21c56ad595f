/**
 * The one way Tupu turns an ExcelJS workbook into a file (lint refuses `.xlsx.writeBuffer` / `.xlsx.writeFile`
 * anywhere else): every text cell is neutralised first (src/core/shared/neutralise.ts), so that no name, note or pack
 * text an export carries is read as a formula when the workbook is opened, edited or saved as CSV. Only text is
 * touched: numbers (negative ones too), dates and booleans stay what they are, and a formula the product wrote itself
 * stays a formula. Importers of Tupu's own workbooks take the marker off with restoreCellText.
 *
 * Needs no runtime import of exceljs: the caller has loaded it to build the workbook.
 */
import type { Cell, CellRichTextValue, CellValue, Workbook } from 'exceljs';
import { needsFormulaMarker, neutraliseCellText, FORMULA_MARKER } from '../core/shared/neutralise.ts';

/** Workbooks already neutralised (a second pass would mark the marked text again). */
const neutralised = new WeakSet<Workbook>();

const isRichText = (v: object): v is CellRichTextValue => 'richText' in v;

/** A cell value with its text neutralised: plain text, rich text (its first run) and a hyperlink's text. */
function neutraliseValue(v: CellValue): CellValue {
  if (typeof v === 'string') return neutraliseCellText(v);
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  if (isRichText(v)) {
    const [first, ...rest] = v.richText;
    if (!first || !needsFormulaMarker(v.richText.map((r) => r.text).join(''))) return v;
    return { ...v, richText: [{ ...first, text: FORMULA_MARKER + first.text }, ...rest] };
  }
  if ('hyperlink' in v && typeof v.text === 'string') return { ...v, text: neutraliseCellText(v.text) };
  return v;
}

/** Neutralises every text cell of every sheet in place, once per workbook. */
export function neutraliseWorkbook(wb: Workbook): void {
  if (neutralised.has(wb)) return;
  neutralised.add(wb);
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell: Cell) => {
        // a merged cell shows its master's value: neutralise the master only, once
        if (cell.master !== cell) return;
        const value = neutraliseValue(cell.value);
        if (value !== cell.value) cell.value = value;
      }),
    );
}

/** The .xlsx bytes of the workbook, its text neutralised. */
export async function workbookBytes(wb: Workbook): Promise<Buffer> {
  neutraliseWorkbook(wb);
  // eslint-disable-next-line no-restricted-syntax -- the one place a workbook is written
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes the workbook to `path`, its text neutralised. */
export async function writeWorkbookFile(wb: Workbook, path: string): Promise<void> {
  neutraliseWorkbook(wb);
  // eslint-disable-next-line no-restricted-syntax -- the one place a workbook is written
  await wb.xlsx.writeFile(path);
}
