import type ExcelJS from 'exceljs';
import type { Atlas } from '../core/atlas/types.ts';
import { restoreCellText } from '../core/shared/neutralise.ts';
import { checkAtlasPackFiles, type AtlasPackFiles, type AtlasResolver } from './atlas-check.ts';
import {
  COLUMNS,
  PACK_KEYS,
  PACK_MARKER,
  SHEETS,
  TEXT_LISTS,
  VOCABULARY_COLUMNS,
  VOCABULARY_MARKER,
  columnLetter,
  headerKey,
  splitCell,
  type Column,
  type SheetRole,
} from './atlas-xlsx-layout.ts';
import { formatProblem, type YamlSource } from './yaml-source.ts';

export interface AtlasImportOptions {
  /** pack id (overrides the id on the ReadMe sheet) */
  id?: string;
  /** id of the pack this one extends (overrides the ReadMe sheet); its vocabulary is inherited */
  extends?: string;
  /** finds the base pack by id */
  resolve: AtlasResolver;
}

/** Either the imported atlas (its `own` part is the pack to write) or every problem, as `sheet!row:column: …`. */
export type AtlasImportResult = { ok: true; atlas: Atlas } | { ok: false; problems: string[] };

type Obj = Record<string, unknown>;
type DataRole = Exclude<SheetRole, 'readme'>;

function set(obj: Obj, key: string, value: unknown): void {
  const keys = key.split('.');
  let at = obj;
  for (const k of keys.slice(0, -1)) {
    if (at[k] === undefined || typeof at[k] !== 'object') at[k] = {};
    at = at[k] as Obj;
  }
  at[keys.at(-1)!] = value;
}

/**
 * The text a cell holds, whatever exceljs made of it (rich text, formula result, hyperlink, number, boolean); on a
 * text, the formula marker the export put there taken off (restoreCellText).
 */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (typeof v === 'string') s = restoreCellText(v);
  else if (typeof v === 'number') s = String(v);
  else if (typeof v === 'boolean') s = v ? 'TRUE' : 'FALSE';
  else if (v instanceof Date) s = v.toISOString().slice(0, 10);
  else if ('richText' in v) s = restoreCellText(v.richText.map((r) => r.text).join(''));
  else if ('formula' in v || 'sharedFormula' in v) {
    const res: unknown = v.result;
    s = typeof res === 'string' || typeof res === 'number' || typeof res === 'boolean' ? String(res) : '';
  } else if ('text' in v) s = restoreCellText(typeof v.text === 'string' ? v.text : cell.text);
  else s = cell.text;
  return s.replace(/\r\n?/g, '\n').trim();
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '√']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '×']);

function findSheet(wb: ExcelJS.Workbook, role: SheetRole): ExcelJS.Worksheet | undefined {
  const name = SHEETS[role];
  const english = headerKey(name).toLowerCase();
  return wb.getWorksheet(name) ?? wb.worksheets.find((ws) => headerKey(ws.name).toLowerCase() === english);
}

interface SheetData {
  sheet: string;
  items: Obj[];
  rows: number[];
  columns: Map<string, number>;
}

/**
 * Read a filled authoring workbook (the layout `tupu atlas export --format xlsx` writes) into an atlas pack and check
 * it with the same rules as a pack folder. Problems name the sheet, row and column.
 */
export async function importAtlasWorkbook(
  wb: ExcelJS.Workbook,
  options: AtlasImportOptions,
): Promise<AtlasImportResult> {
  /** problems that stop the import before the pack checks: missing sheets, columns or tables, merged cells */
  const problems: string[] = [];
  /** problems of single cells; the pack checks still run, and do not report these cells again */
  const cellProblems: string[] = [];
  const reported = new Set<string>();
  const at = (
    sheet: string,
    row: number,
    column: number | undefined,
    key: string | undefined,
    message: string,
  ) => {
    const cell = `${sheet}!${row}${column ? `:${columnLetter(column)}` : ''}${key ? `(${key})` : ''}`;
    if (reported.has(cell)) return;
    if (key) reported.add(cell);
    cellProblems.push(`${cell}: ${message}`);
  };

  const data: Partial<Record<DataRole, SheetData>> = {};
  for (const role of ['scenarios', 'links', 'painPoints', 'kpis'] as const) {
    const ws = findSheet(wb, role);
    if (!ws) {
      if (role === 'scenarios') problems.push(`workbook: missing sheet "${SHEETS[role]}"`);
      continue;
    }
    const read = readDataSheet(ws, COLUMNS[role], at, problems);
    if (read) data[role] = read;
  }
  const readme = findSheet(wb, 'readme');
  if (!readme) problems.push(`workbook: missing sheet "${SHEETS.readme}" (it holds the pack metadata)`);
  const meta = readme ? readPackTable(readme, options, problems) : undefined;
  const vocabulary = readme && !meta?.value.extends ? readVocabulary(readme, at, problems) : undefined;
  if (problems.length > 0 || !meta) return { ok: false, problems: [...problems, ...cellProblems] };

  const sheetSource = (d: SheetData, list: string): YamlSource => ({
    file: d.sheet,
    data: { [list]: d.items },
    lineOf: (path) => (typeof path[1] === 'number' ? (d.rows[path[1]] ?? 1) : 1),
  });
  const files: AtlasPackFiles = {
    meta: { ok: true, source: { file: meta.sheet, data: meta.value, lineOf: (path) => meta.rowOf(path) } },
  };
  if (vocabulary) files.vocabulary = { ok: true, source: vocabulary.source };
  for (const role of ['painPoints', 'kpis', 'scenarios', 'links'] as const) {
    const d = data[role];
    if (d) files[role] = { ok: true, source: sheetSource(d, role) };
  }
  const result = await checkAtlasPackFiles(files, options.resolve);
  if (result.ok) return cellProblems.length > 0 ? { ok: false, problems: cellProblems } : result;
  for (const p of result.problems) {
    const role = (Object.keys(data) as DataRole[]).find((r) => data[r]?.sheet === p.file);
    const d = role ? data[role] : undefined;
    if (!d && p.file === vocabulary?.source.file && p.path) {
      const key = columnKeyOf('vocabulary', p.path);
      at(p.file, p.line, key ? vocabulary.columns.get(key) : undefined, key, stripPath(p.message, p.path));
    } else if (!d || !role || !p.path) {
      problems.push(p.file === meta.sheet ? `${p.file}!${p.line}: ${p.message}` : formatProblem(p));
    } else {
      const key = columnKeyOf(role, p.path);
      at(p.file, p.line, key ? d.columns.get(key) : undefined, key, stripPath(p.message, p.path));
    }
  }
  return { ok: false, problems: [...cellProblems, ...problems] };
}

const stripPath = (message: string, path: readonly (string | number)[]) => {
  const prefix = `${path.join('.')}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
};

/** The column key a data path points into, e.g. ['scenarios', 3, 'elements', 'data', 0, 'en'] → data.en. */
function columnKeyOf(role: DataRole | 'vocabulary', path: readonly (string | number)[]): string | undefined {
  const rest = path.slice(2).filter((p): p is string => typeof p === 'string');
  if (rest.length === 0) return undefined;
  if (rest[0] === 'elements') return rest[1] ? `${rest[1]}.${rest[2] ?? 'zh'}` : 'data.zh';
  if (rest[0] === 'infrastructure') return `infrastructure.${rest[1] ?? 'zh'}`;
  const columns = role === 'vocabulary' ? VOCABULARY_COLUMNS : COLUMNS[role];
  const joined = rest.join('.');
  if (columns.some((c) => c.key === joined)) return joined;
  return columns.find((c) => c.key.startsWith(`${rest[0]}.`) || c.key === rest[0])?.key;
}

type At = (
  sheet: string,
  row: number,
  column: number | undefined,
  key: string | undefined,
  message: string,
) => void;

function checkMerges(
  ws: ExcelJS.Worksheet,
  keyOfColumn: (c: number) => string | undefined,
  problems: string[],
): void {
  for (const range of ws.model.merges) {
    const [first] = range.split(':');
    const m = /^([A-Z]+)(\d+)$/.exec(first ?? '');
    const col = m ? [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
    const key = keyOfColumn(col);
    problems.push(
      `${ws.name}!${m?.[2] ?? '?'}:${m?.[1] ?? '?'}${key ? `(${key})` : ''}: merged cells ${range} are not allowed; unmerge them`,
    );
  }
}

function readDataSheet(
  ws: ExcelJS.Worksheet,
  columns: readonly Column[],
  at: At,
  problems: string[],
): SheetData | undefined {
  const columnsByKey = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => {
    const key = headerKey(cellText(cell));
    if (key) columnsByKey.set(key, n);
  });
  const keyOfColumn = (n: number) => [...columnsByKey].find(([, c]) => c === n)?.[0];
  const before = problems.length;
  checkMerges(ws, keyOfColumn, problems);
  for (const c of columns) {
    if (!columnsByKey.has(c.key) && !c.optional)
      problems.push(`${ws.name}: missing column "${c.key}" (${c.label})`);
  }
  if (problems.length > before) return undefined;

  const sheet: SheetData = { sheet: ws.name, items: [], rows: [], columns: columnsByKey };
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const texts = new Map(
      columns.map((c) => [
        c.key,
        columnsByKey.has(c.key) ? cellText(row.getCell(columnsByKey.get(c.key)!)) : '',
      ]),
    );
    if ([...texts.values()].every((t) => t === '')) continue;
    const obj: Obj = {};
    for (const c of columns) {
      const text = texts.get(c.key) ?? '';
      const n = columnsByKey.get(c.key);
      if (c.type === 'text' && text !== '') set(obj, c.key, text);
      else if (c.type === 'ids') set(obj, c.key, splitCell(text, 'ids'));
      else if (c.type === 'bool' && text !== '') {
        const v = text.toLowerCase();
        if (TRUE.has(v)) set(obj, c.key, true);
        else if (FALSE.has(v)) set(obj, c.key, false);
        else at(ws.name, r, n, c.key, `bad value "${text}": expected TRUE or FALSE`);
      } else if (c.type === 'number' && text !== '') {
        const v = Number(text.replace(',', '.'));
        if (Number.isFinite(v)) set(obj, c.key, v);
        else at(ws.name, r, n, c.key, `bad value "${text}": expected a number such as 1.5`);
      }
    }
    for (const list of TEXT_LISTS) {
      if (!columnsByKey.has(`${list}.zh`)) continue;
      const zh = splitCell(texts.get(`${list}.zh`) ?? '', 'texts');
      const en = splitCell(texts.get(`${list}.en`) ?? '', 'texts');
      if (zh.length !== en.length) {
        at(
          ws.name,
          r,
          columnsByKey.get(`${list}.en`),
          `${list}.en`,
          `${en.length} English entries for ${zh.length} Chinese entries in ${list}.zh; give one English line per Chinese line`,
        );
        // keep the Chinese entries so the list is not reported missing as well
      }
      const items = zh.map((z, i) => ({ zh: z, en: en[i] ?? z }));
      set(obj, list === 'infrastructure' ? list : `elements.${list}`, items);
    }
    sheet.items.push(obj);
    sheet.rows.push(r);
  }
  return sheet;
}

interface PackTable {
  sheet: string;
  value: Obj & { extends?: string };
  rowOf(path: readonly PropertyKey[]): number;
}

/** Find the row whose column A holds `marker`. */
function markerRow(ws: ExcelJS.Worksheet, marker: string): number | undefined {
  for (let r = 1; r <= ws.rowCount; r++) if (cellText(ws.getRow(r).getCell(1)) === marker) return r;
  return undefined;
}

function readPackTable(
  ws: ExcelJS.Worksheet,
  options: AtlasImportOptions,
  problems: string[],
): PackTable | undefined {
  const start = markerRow(ws, PACK_MARKER);
  if (start === undefined) {
    problems.push(`${ws.name}: no "${PACK_MARKER}" row in column A (the pack metadata table)`);
    return undefined;
  }
  const value: Obj = { kind: 'atlas' };
  const rows = new Map<string, number>();
  const known = new Set<string>(PACK_KEYS);
  for (let r = start + 1; r <= ws.rowCount; r++) {
    const key = cellText(ws.getRow(r).getCell(1));
    if (key === '') break;
    const text = cellText(ws.getRow(r).getCell(2));
    rows.set(key, r);
    if (!known.has(key))
      problems.push(`${ws.name}!${r}:A: unknown pack key "${key}"; known keys: ${PACK_KEYS.join(', ')}`);
    else if (text !== '') set(value, key, text);
  }
  if (options.id) set(value, 'id', options.id);
  if (options.extends) set(value, 'extends', options.extends);
  return {
    sheet: ws.name,
    value,
    rowOf: (path) => {
      for (let n = path.length; n > 0; n--) {
        const row = rows.get(path.slice(0, n).map(String).join('.'));
        if (row !== undefined) return row;
      }
      return start;
    },
  };
}

function readVocabulary(
  ws: ExcelJS.Worksheet,
  at: At,
  problems: string[],
): { source: YamlSource; columns: Map<string, number> } | undefined {
  const start = markerRow(ws, VOCABULARY_MARKER);
  if (start === undefined) {
    problems.push(
      `${ws.name}: no "${VOCABULARY_MARKER}" row in column A (a stand-alone pack needs its vocabularies)`,
    );
    return undefined;
  }
  const columns = new Map<string, number>();
  ws.getRow(start + 1).eachCell((cell, n) => {
    const key = headerKey(cellText(cell));
    if (key) columns.set(key, n);
  });
  for (const c of VOCABULARY_COLUMNS) {
    if (!columns.has(c.key) && !c.optional)
      problems.push(`${ws.name}: missing column "${c.key}" (${c.label}) in the vocabulary table`);
  }
  if (!columns.has('list')) return undefined;
  const lists: Record<string, Obj[]> = { categories: [], valueTags: [], enterpriseTypes: [], chains: [] };
  const rows: Record<string, number[]> = { categories: [], valueTags: [], enterpriseTypes: [], chains: [] };
  for (let r = start + 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const text = (key: string) => (columns.has(key) ? cellText(row.getCell(columns.get(key)!)) : '');
    const list = text('list');
    if (list === '') break;
    const entries = lists[list];
    if (!entries) {
      at(
        ws.name,
        r,
        columns.get('list'),
        'list',
        `unknown vocabulary "${list}"; expected categories, valueTags, enterpriseTypes or chains`,
      );
      continue;
    }
    const entry: Obj = {};
    for (const c of VOCABULARY_COLUMNS) {
      if (c.key === 'list') continue;
      if (list !== 'categories' && (c.key === 'code' || c.key.startsWith('citation.'))) continue;
      const v = text(c.key);
      if (v !== '') set(entry, c.key, v);
    }
    entries.push(entry);
    rows[list]!.push(r);
  }
  return {
    columns,
    source: {
      file: ws.name,
      data: lists,
      lineOf: (path) => (typeof path[1] === 'number' ? (rows[String(path[0])]?.[path[1]] ?? start) : start),
    },
  };
}
