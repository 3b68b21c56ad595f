/**
 * The layout of the atlas authoring workbook (Excel), shared by export and import so they stay symmetric.
 * Each data sheet has one header row; a header cell reads "<中文标签> <key>" and import matches columns by the key
 * (the last word of the header), so authors may reorder columns or reword the Chinese label.
 */

export type ColumnType =
  /** a single text (or id) */
  | 'text'
  /** a list of ids, one per line (or separated by ；;,，、) */
  | 'ids'
  /** one language of a list of bilingual texts, one per line (or separated by ；) — paired with its zh/en twin */
  | 'texts'
  /** TRUE / FALSE */
  | 'bool'
  /** a decimal number */
  | 'number';

export interface Column {
  key: string;
  label: string;
  type: ColumnType;
  width: number;
  optional?: boolean;
  /** vocabulary list whose ids the cell must come from (a dropdown when the type is text) */
  vocabulary?: 'categories' | 'valueTags' | 'enterpriseTypes' | 'chains';
  /** a fixed set of values (a dropdown) */
  values?: readonly string[];
}

const col = (
  key: string,
  label: string,
  type: ColumnType,
  width: number,
  extra: Partial<Column> = {},
): Column => ({
  key,
  label,
  type,
  width,
  ...extra,
});

export const SHEETS = {
  scenarios: '场景 Scenarios',
  links: '链接 Links',
  painPoints: '痛点 PainPoints',
  kpis: 'KPI',
  readme: '说明 ReadMe',
} as const;
export type SheetRole = keyof typeof SHEETS;

/** The four element lists (四清单) and infrastructure, each as a zh column and an en column. */
export const TEXT_LISTS = ['data', 'models', 'tools', 'skills', 'infrastructure'] as const;
const listLabels: Record<(typeof TEXT_LISTS)[number], string> = {
  data: '数据要素',
  models: '知识模型',
  tools: '工具软件',
  skills: '人才技能',
  infrastructure: '数字基础设施',
};

export const SCENARIO_COLUMNS: readonly Column[] = [
  col('code', '场景编码', 'text', 16),
  col('name.zh', '名称', 'text', 22),
  col('name.en', '名称（英文）', 'text', 28),
  col('category', '场景类别', 'text', 18, { vocabulary: 'categories' }),
  col('description.zh', '说明', 'text', 50),
  col('description.en', '说明（英文）', 'text', 50),
  col('painPoints', '痛点', 'ids', 24),
  ...TEXT_LISTS.flatMap((l) => [
    col(`${l}.zh`, listLabels[l], 'texts', 30),
    col(`${l}.en`, `${listLabels[l]}（英文）`, 'texts', 34),
  ]),
  col('valueTags', '价值标签', 'ids', 16, { vocabulary: 'valueTags' }),
  col('kpis', '成效指标', 'ids', 22),
  col('enterpriseTypes', '适用企业', 'ids', 18, { vocabulary: 'enterpriseTypes' }),
  col('citation.source', '出处', 'text', 24),
  col('citation.section', '章节', 'text', 20),
  col('citation.note', '备注', 'text', 24, { optional: true }),
  // optional scenario economics (relative cost and duration for plan defaults); leave all empty for none
  col('economics.costIndex', '成本指数', 'number', 10, { optional: true }),
  col('economics.durationIndex', '工期指数', 'number', 10, { optional: true }),
  col('economics.runningCostIndex', '运行成本指数', 'number', 12, { optional: true }),
  col('economics.note.zh', '成本说明', 'text', 30, { optional: true }),
  col('economics.note.en', '成本说明（英文）', 'text', 30, { optional: true }),
];

export const LINK_COLUMNS: readonly Column[] = [
  col('from', '起点场景', 'text', 16),
  col('to', '终点场景', 'text', 16),
  col('chain', '链类型', 'text', 10, { vocabulary: 'chains' }),
  col('flow.zh', '流转内容', 'text', 40),
  col('flow.en', '流转内容（英文）', 'text', 40),
  col('prerequisite', '是否前置', 'bool', 12, { values: ['TRUE', 'FALSE'] }),
];

export const PAIN_POINT_COLUMNS: readonly Column[] = [
  col('id', '编号', 'text', 26),
  col('name.zh', '痛点', 'text', 40),
  col('name.en', '痛点（英文）', 'text', 50),
  col('category', '场景类别', 'text', 18, { vocabulary: 'categories' }),
];

export const KPI_COLUMNS: readonly Column[] = [
  col('id', '编号', 'text', 26),
  col('name.zh', '指标', 'text', 30),
  col('name.en', '指标（英文）', 'text', 36),
  col('unit', '单位', 'text', 10),
  col('direction', '改善方向', 'text', 12, { values: ['up', 'down'] }),
  col('valueTag', '价值标签', 'text', 16, { vocabulary: 'valueTags' }),
];

export const COLUMNS: Record<Exclude<SheetRole, 'readme'>, readonly Column[]> = {
  scenarios: SCENARIO_COLUMNS,
  links: LINK_COLUMNS,
  painPoints: PAIN_POINT_COLUMNS,
  kpis: KPI_COLUMNS,
};

export const header = (c: Column) => `${c.label} ${c.key}`;
/** the key of a header cell: its last word */
export const headerKey = (text: string) => text.trim().split(/\s+/).at(-1) ?? '';

/** ReadMe sheet: markers in column A start the pack table (key | value) and the vocabulary table. */
export const PACK_MARKER = '[pack]';
export const VOCABULARY_MARKER = '[vocabulary]';
export const PACK_KEYS = [
  'id',
  'version',
  'title.zh',
  'title.en',
  'description.zh',
  'description.en',
  'language',
  'publisher',
  'source.source',
  'source.section',
  'source.note',
  'extends',
  'industry.code',
  'industry.name.zh',
  'industry.name.en',
] as const;
export const VOCABULARY_COLUMNS: readonly Column[] = [
  col('list', '词表', 'text', 18, { values: ['categories', 'valueTags', 'enterpriseTypes', 'chains'] }),
  col('id', '编号', 'text', 22),
  col('code', '类别代码', 'text', 10, { optional: true }),
  col('name.zh', '名称', 'text', 20),
  col('name.en', '名称（英文）', 'text', 26),
  col('description.zh', '说明', 'text', 40),
  col('description.en', '说明（英文）', 'text', 40),
  col('citation.source', '出处', 'text', 20, { optional: true }),
  col('citation.section', '章节', 'text', 20, { optional: true }),
  col('citation.note', '备注', 'text', 20, { optional: true }),
];

/** Split a list cell: one entry per line, or separated by ；(and, for ids, also ; , ， 、). */
export function splitCell(text: string, type: 'ids' | 'texts'): string[] {
  const separators = type === 'ids' ? /[\n；;,，、]+/ : /\n|；/;
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Excel column letter of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
