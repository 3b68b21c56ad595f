/**
 * A project's cost entries as an Excel workbook, and read back from one. One sheet, 成本 (zh) or Costs (en):
 * Period (the plan's calendar label, 2027年Q1 or 2027 Q1) | Amount (万元) | Note. exceljs is imported lazily (the
 * server loads it only when a workbook is written or read), and a workbook is read only after the limits check of
 * src/packs/xlsx-limits.ts (rows, cells, part sizes, zip bombs) with COST_SHEET_LIMITS.
 */
import type { SheetLimits } from '../packs/xlsx-limits.ts';
import { ANSWER_SHEET_LIMITS } from '../contracts/diagnosis.ts';
import { restoreCellText } from '../core/shared/neutralise.ts';
import { addSheet } from './workbook-sheet.ts';
import { workbookBytes } from './workbook-file.ts';

export const COST_SHEET_NAMES = { zh: '成本', en: 'Costs' } as const;
const HEADERS = {
  zh: ['期间', '金额（万元）', '备注'],
  en: ['Period', 'Amount (10k CNY)', 'Note'],
} as const;

/** Limits of a cost workbook: a project books at most a few thousand entries. */
export const COST_SHEET_LIMITS: SheetLimits = {
  ...ANSWER_SHEET_LIMITS,
  partBytes: 4 * 1024 * 1024,
  totalBytes: 16 * 1024 * 1024,
  rows: 5_000,
  cells: 20_000,
};

export interface CostRowOut {
  period: string;
  amount: number;
  note: string;
}

export async function costWorkbook(lang: 'zh' | 'en', rows: readonly CostRowOut[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tupu';
  const [period, amount, note] = HEADERS[lang];
  const sheet = addSheet(wb, COST_SHEET_NAMES[lang], [
    { header: period, width: 14 },
    { header: amount, width: 16 },
    { header: note, width: 40 },
  ]);
  for (const r of rows) sheet.add([r.period, { value: r.amount, numFmt: '0.00' }, r.note]);
  return workbookBytes(wb);
}

/** One data row as read: its row number, the period text, the amount (NaN when not a number) and the note. */
export interface CostRowIn {
  row: number;
  period: string;
  amount: number;
  amountText: string;
  note: string;
}

/** The sheet's data rows, or the problem of a workbook without a cost sheet (`sheet!cell: message`). */
export async function readCostWorkbook(
  bytes: Buffer,
): Promise<
  { ok: true; sheet: string; rows: CostRowIn[] } | { ok: false; problem: { field: string; message: string } }
> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    return {
      ok: false,
      problem: {
        field: 'file',
        message: `cannot read the workbook: ${err instanceof Error ? err.message : String(err)}`,
      },
    };
  }
  const ws = wb.getWorksheet(COST_SHEET_NAMES.zh) ?? wb.getWorksheet(COST_SHEET_NAMES.en);
  if (!ws)
    return {
      ok: false,
      problem: {
        field: 'file',
        message: `the workbook has no sheet “${COST_SHEET_NAMES.zh}” or “${COST_SHEET_NAMES.en}” (it has ${wb.worksheets.map((w) => `“${w.name}”`).join(', ') || 'none'})`,
      },
    };
  const rows: CostRowIn[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const text = (k: number) => restoreCellText(row.getCell(k).text).trim();
    const raw = row.getCell(2).value;
    const amount = typeof raw === 'number' ? raw : text(2) === '' ? Number.NaN : Number(text(2));
    if (text(1) === '' && text(2) === '' && text(3) === '') return;
    rows.push({ row: r, period: text(1), amount, amountText: text(2), note: text(3) });
  });
  return { ok: true, sheet: ws.name, rows };
}
