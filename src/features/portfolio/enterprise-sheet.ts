/**
 * The workbook of enterprises a provider creates in one go: the template (sheet 企业 / Enterprises, columns 企业名称
 * and 行政区划代码, an example row-free sheet with a 说明 / Instructions sheet), and reading a filled one into rows with
 * every problem named by its cell. exceljs is loaded on first use, not at server start.
 */
import type ExcelJS from 'exceljs';
import {
  ENTERPRISE_IMPORT_MAX_ROWS,
  ENTERPRISE_SHEET,
  type EnterpriseImportProblem,
} from '../../contracts/portfolio.ts';
import { restoreCellText } from '../../core/shared/neutralise.ts';
import { workbookBytes } from '../../reports/workbook-file.ts';

type Lang = 'zh' | 'en';

const INSTRUCTIONS: Record<Lang, string[]> = {
  zh: [
    '在“企业”工作表中每行填写一家企业，第一行为表头，请勿修改。',
    `企业名称：必填，不超过 200 个字符；同一机构下不能重名（不区分大小写），本表内也不能重复。`,
    '行政区划代码：选填，6 位数字（GB/T 2260），如 330100。',
    `一次最多 ${ENTERPRISE_IMPORT_MAX_ROWS} 家。任一行有问题时不会建立任何企业，并逐行列出问题所在的单元格。`,
    '企业建立在您当前所在的机构之下；建立后可在“组织与成员”中邀请企业负责人。',
  ],
  en: [
    'Fill in one enterprise per row of the “Enterprises” sheet; keep the header row as it is.',
    'Enterprise name: required, at most 200 characters; unique under your organisation (whatever the case) and within this sheet.',
    'Region code: optional, 6 digits (GB/T 2260), e.g. 330100.',
    `At most ${ENTERPRISE_IMPORT_MAX_ROWS} per workbook. If any row has a problem, no enterprise is created and every problem is listed with its cell.`,
    'The enterprises are created under the organisation you act for; then invite their managers under “Organisations & members”.',
  ],
};

/** The blank template in `lang`. */
export async function enterpriseTemplate(lang: Lang): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Tupu';
  const words = ENTERPRISE_SHEET[lang];
  const ws = wb.addWorksheet(words.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: words.name, width: 44 },
    { header: words.regionCode, width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  // the region code is text, so that Excel keeps it as typed
  ws.getColumn(2).numFmt = '@';
  const help = wb.addWorksheet(lang === 'zh' ? '说明' : 'Instructions');
  help.getColumn(1).width = 110;
  for (const line of INSTRUCTIONS[lang]) help.addRow([line]).alignment = { wrapText: true };
  return workbookBytes(wb);
}

export interface SheetEnterprise {
  row: number;
  name: string;
  regionCode: string;
}

export type SheetRead =
  | { ok: true; sheet: string; lang: Lang; rows: SheetEnterprise[] }
  | { ok: false; problems: EnterpriseImportProblem[] };

const fileProblem = (code: EnterpriseImportProblem['code'], message: string): EnterpriseImportProblem => ({
  code,
  cell: 'file',
  row: null,
  column: null,
  value: null,
  otherRow: null,
  message,
});

/**
 * A cell's text as typed: numbers as their digits (a region code typed as a number), rich text flattened, the
 * formula marker of an exported text taken off (restoreCellText).
 */
const cellText = (cell: ExcelJS.Cell): string => {
  const v = cell.value;
  if (typeof v === 'number') return String(v);
  return restoreCellText(cell.text).trim();
};

/** The rows of a filled workbook (either language's sheet and headers); the empty rows skipped. */
export async function readEnterpriseSheet(bytes: Buffer): Promise<SheetRead> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    return {
      ok: false,
      problems: [
        fileProblem(
          'unreadable',
          `cannot read the workbook: ${err instanceof Error ? err.message : String(err)}`,
        ),
      ],
    };
  }
  const lang: Lang | undefined = wb.getWorksheet(ENTERPRISE_SHEET.zh.sheet)
    ? 'zh'
    : wb.getWorksheet(ENTERPRISE_SHEET.en.sheet)
      ? 'en'
      : undefined;
  if (!lang) {
    const has = wb.worksheets.map((w) => `“${w.name}”`).join(', ') || 'none';
    return {
      ok: false,
      problems: [
        fileProblem(
          'no_sheet',
          `the workbook has no sheet “${ENTERPRISE_SHEET.zh.sheet}” or “${ENTERPRISE_SHEET.en.sheet}” (it has ${has})`,
        ),
      ],
    };
  }
  const words = ENTERPRISE_SHEET[lang];
  const ws = wb.getWorksheet(words.sheet)!;
  const header = [cellText(ws.getCell('A1')), cellText(ws.getCell('B1'))];
  const problems: EnterpriseImportProblem[] = [];
  (
    [
      ['A', words.name, header[0]],
      ['B', words.regionCode, header[1]],
    ] as const
  ).forEach(([col, expected, found]) => {
    if (found !== expected)
      problems.push({
        code: 'header',
        cell: `${words.sheet}!${col}1`,
        row: 1,
        column: expected,
        value: found || null,
        otherRow: null,
        message: `${words.sheet}!${col}1: the header must be “${expected}”${found ? `, not “${found}”` : ''}`,
      });
  });
  if (problems.length > 0) return { ok: false, problems };
  const rows: SheetEnterprise[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const name = cellText(row.getCell(1));
    const regionCode = cellText(row.getCell(2));
    if (name === '' && regionCode === '') return;
    rows.push({ row: r, name, regionCode });
  });
  if (rows.length === 0)
    return {
      ok: false,
      problems: [
        {
          code: 'empty',
          cell: `${words.sheet}!A2`,
          row: 2,
          column: words.name,
          value: null,
          otherRow: null,
          message: `${words.sheet}!A2: the sheet has no enterprises`,
        },
      ],
    };
  if (rows.length > ENTERPRISE_IMPORT_MAX_ROWS)
    return {
      ok: false,
      problems: [
        fileProblem(
          'too_many_rows',
          `the sheet has ${rows.length} enterprises; at most ${ENTERPRISE_IMPORT_MAX_ROWS} can be created at once`,
        ),
      ],
    };
  return { ok: true, sheet: words.sheet, lang, rows };
}
