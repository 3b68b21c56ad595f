import ExcelJS from 'exceljs';
import type { Atlas } from '../core/atlas/types.ts';
import {
  COLUMNS,
  PACK_KEYS,
  PACK_MARKER,
  SHEETS,
  VOCABULARY_COLUMNS,
  VOCABULARY_MARKER,
  header,
  type Column,
} from './atlas-xlsx-layout.ts';

type Row = Record<string, unknown>;

/** Value of a dotted key in a plain object (name.zh → obj.name.zh). */
function get(obj: unknown, key: string): unknown {
  let at: unknown = obj;
  for (const k of key.split('.')) at = at !== null && typeof at === 'object' ? (at as Row)[k] : undefined;
  return at;
}

/** What a cell shows for a column: lists one entry per line, texts of a bilingual list in one language. */
function cellValue(obj: unknown, c: Column): string | boolean | number {
  if (c.type === 'texts') {
    const [list, lang] = c.key.split('.') as [string, 'zh' | 'en'];
    const items = (list === 'infrastructure' ? get(obj, list) : get(obj, `elements.${list}`)) as
      { zh: string; en: string }[] | undefined;
    return (items ?? []).map((t) => t[lang]).join('\n');
  }
  const v = get(obj, c.key);
  if (c.type === 'ids') return Array.isArray(v) ? v.join('\n') : '';
  if (c.type === 'bool') return v === true;
  if (c.type === 'number') return typeof v === 'number' ? v : '';
  return typeof v === 'string' ? v : '';
}

const MIN_TEMPLATE_ROWS = 300;

/**
 * The authoring workbook of an atlas pack: sheets 场景 Scenarios, 链接 Links, 痛点 PainPoints, KPI and 说明 ReadMe
 * (instructions, the pack's metadata and the vocabularies the dropdowns come from). Only the pack's own content is
 * written — an extending pack's base content stays in the base pack — so `tupu atlas import` gives the pack back.
 */
export function buildAtlasWorkbook(atlas: Atlas): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tupu';
  const own = atlas.own;
  const sheets = {
    scenarios: wb.addWorksheet(SHEETS.scenarios, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] }),
    links: wb.addWorksheet(SHEETS.links, { views: [{ state: 'frozen', ySplit: 1 }] }),
    painPoints: wb.addWorksheet(SHEETS.painPoints, { views: [{ state: 'frozen', ySplit: 1 }] }),
    kpis: wb.addWorksheet(SHEETS.kpis, { views: [{ state: 'frozen', ySplit: 1 }] }),
  };
  const readme = wb.addWorksheet(SHEETS.readme);
  const vocabularyRanges = writeReadme(readme, atlas);

  const fill = (ws: ExcelJS.Worksheet, columns: readonly Column[], items: readonly unknown[]) => {
    ws.columns = columns.map((c) => ({ header: header(c), key: c.key, width: c.width }));
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'top' };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    for (const item of items) {
      const row = ws.addRow(columns.map((c) => cellValue(item, c)));
      row.alignment = { wrapText: true, vertical: 'top' };
    }
    const last = Math.max(items.length + 1 + 100, MIN_TEMPLATE_ROWS);
    columns.forEach((c, i) => {
      const formula = c.values
        ? `"${c.values.join(',')}"`
        : c.vocabulary && c.type === 'text'
          ? vocabularyRanges[c.vocabulary]
          : undefined;
      const prompt =
        c.vocabulary && c.type === 'ids'
          ? `one ${c.vocabulary} id per line, see ${SHEETS.readme}`
          : undefined;
      if (!formula && !prompt) return;
      for (let r = 2; r <= last; r++) {
        ws.getCell(r, i + 1).dataValidation = formula
          ? { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true }
          : { type: 'custom', allowBlank: true, formulae: ['TRUE'], showInputMessage: true, prompt };
      }
    });
  };
  fill(sheets.scenarios, COLUMNS.scenarios, own.scenarios);
  fill(sheets.links, COLUMNS.links, own.links);
  fill(sheets.painPoints, COLUMNS.painPoints, own.painPoints);
  fill(sheets.kpis, COLUMNS.kpis, own.kpis);
  return wb;
}

/** Writes the ReadMe sheet; returns the range of each vocabulary's ids (for dropdowns). */
function writeReadme(ws: ExcelJS.Worksheet, atlas: Atlas): Record<string, string> {
  ws.getColumn(1).width = 22;
  VOCABULARY_COLUMNS.forEach((c, i) => {
    if (i > 0) ws.getColumn(i + 1).width = Math.max(c.width, i === 1 ? 60 : 0);
  });
  const base = atlas.meta.extends;
  const lines = [
    'Tupu 场景图谱编制模板（一图四清单） Scenario atlas authoring template',
    '',
    '填写说明 How to fill in:',
    `• 「${SHEETS.scenarios}」每行一个场景；编码形如 GEN-PM-03（行业[.环节]-类别代码-序号），类别代码须与场景类别一致。`,
    '• 列表单元格（痛点、四清单、价值标签、指标、适用企业）每行一项（Alt+Enter 换行），也可用“；”分隔；中英文两列条目数须一致。',
    `• 「${SHEETS.links}」每行一条连接：工具链 tool / 数据链 data / 模型链 model；“是否前置”为 TRUE 的连接不得成环。`,
    '• 价值标签、适用企业、场景类别、链类型的取值见下方词表；编号用小写英文加连字符（kebab-case）。',
    '• 表头第二个词是列键（如 name.zh），导入按列键识别，可调整列序；请勿合并单元格。',
    '• Import with: tupu atlas import <file.xlsx> --out <folder> [--id <pack-id>] [--extends <base-pack-id>]',
    base ? `• 本图谱扩展 ${base}，词表继承自基础图谱（下方词表仅供参考，导入时不写入）。` : '',
    '',
  ];
  for (const l of lines) ws.addRow([l]);
  ws.getRow(1).font = { bold: true, size: 14 };

  ws.addRow([PACK_MARKER, '图谱元数据 Pack metadata (key | value)']).font = { bold: true };
  for (const key of PACK_KEYS) {
    const v = get(atlas.meta, key);
    ws.addRow([key, typeof v === 'string' ? v : '']);
  }
  ws.addRow([]);
  ws.addRow([VOCABULARY_MARKER, '词表 Vocabularies']).font = { bold: true };
  ws.addRow(VOCABULARY_COLUMNS.map(header)).font = { bold: true };
  const ranges: Record<string, string> = {};
  const quoted = `'${SHEETS.readme}'`;
  for (const list of ['categories', 'valueTags', 'enterpriseTypes', 'chains'] as const) {
    const first = ws.rowCount + 1;
    for (const entry of atlas.vocabulary[list]) {
      ws.addRow(VOCABULARY_COLUMNS.map((c) => (c.key === 'list' ? list : cellValue(entry, c))));
    }
    ranges[list] = `${quoted}!$B$${first}:$B$${ws.rowCount}`;
  }
  return ranges;
}
