import ExcelJS from 'exceljs';
import { readFile, stat } from 'node:fs/promises';
import { ANSWER_SHEET_LIMITS } from '../contracts/diagnosis.ts';
import type { AnswerProblem, Assessment, AnswerValue } from '../core/diagnosis/assessment.ts';
import { readConformance } from '../core/diagnosis/checklist-diagnose.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { restoreCellText } from '../core/shared/neutralise.ts';
import {
  ANSWER_COL,
  SETTING_ROWS,
  SHEET,
  SHEET_LANGS,
  SHEET_NAMES,
  type SheetLang,
} from './model-sheet-layout.ts';
import { assessmentFromJson } from './model-answers-shape.ts';
import { checkWorkbookLimits, type SheetLimits } from './xlsx-limits.ts';

/** Answer files above this size are refused before parsing. */
export const MAX_ANSWER_BYTES = 20 * 1024 * 1024;

/** A problem with an answer file, located as precisely as the file allows. */
export interface SheetProblem {
  file: string;
  sheet: string;
  row: number | null;
  question: string;
  message: string;
  /** the limit of ANSWER_SHEET_LIMITS the file goes over (refused before parsing), when that is the problem */
  limit?: keyof SheetLimits | 'workerMemoryMb' | 'workerSeconds';
}

export function formatSheetProblem(p: SheetProblem): string {
  const where = [
    p.file,
    p.sheet !== '' ? `sheet "${p.sheet}"` : '',
    p.row !== null ? `row ${p.row}` : '',
    p.question !== '' ? `question ${p.question}` : '',
  ]
    .filter((s) => s !== '')
    .join(', ');
  return `${where}: ${p.message}`;
}

export interface ReadAnswers {
  assessment: Assessment | null;
  /** where each answer came from, to locate answer problems */
  rowOf: Map<string, { sheet: string; row: number | null }>;
  problems: SheetProblem[];
}

/**
 * Read a .json or .xlsx answer file for `model`; refuses oversized, corrupted or encrypted files, and files over
 * ANSWER_SHEET_LIMITS (checked before parsing, see xlsx-limits.ts), with a clear message. Runs in the calling thread:
 * the server calls it through parse-in-worker.ts, the command line directly.
 */
export async function readAnswerFile(
  path: string,
  model: IndicatorSystem,
  display = path,
  limits: SheetLimits = ANSWER_SHEET_LIMITS,
): Promise<ReadAnswers> {
  const fail = (
    message: string,
    sheet = '',
    limit?: SheetProblem['limit'],
    row: number | null = null,
  ): ReadAnswers => ({
    assessment: null,
    rowOf: new Map(),
    problems: [{ file: display, sheet, row, question: '', message, ...(limit ? { limit } : {}) }],
  });
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    return fail(`cannot read file: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (size > MAX_ANSWER_BYTES)
    return fail(
      `file is ${(size / 1024 / 1024).toFixed(1)} MB, over the 20 MB limit for answer files; refused before parsing`,
    );
  if (/\.json$/i.test(path)) return readJson(path, model, fail, limits);
  if (/\.xlsx$/i.test(path)) return readWorkbook(path, model, display, fail, limits);
  return fail('answer files must be .json or .xlsx');
}

type Fail = (
  message: string,
  sheet?: string,
  limit?: SheetProblem['limit'],
  row?: number | null,
) => ReadAnswers;

/** The first answer of a .json file over the limits (how many, how long a text), as a message. */
function jsonOverLimit(values: unknown[], limits: SheetLimits): string | undefined {
  if (values.length > limits.answers)
    return `the file holds ${values.length.toLocaleString('en')} answers, over the limit of ${limits.answers.toLocaleString('en')}`;
  const texts = values
    .flatMap((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]))
    .filter((v) => typeof v === 'string');
  const longest = texts.reduce((max, t) => Math.max(max, t.length), 0);
  if (longest > limits.cellChars)
    return `an answer is a text of ${longest.toLocaleString('en')} characters, over the ${limits.cellChars.toLocaleString('en')} an answer can hold`;
  return undefined;
}

async function readJson(
  path: string,
  model: IndicatorSystem,
  fail: Fail,
  limits: SheetLimits,
): Promise<ReadAnswers> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    return fail(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  // the limits first, on the raw values, so that an oversized file is refused before anything else is read
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const o = data as Record<string, unknown>;
    const group = (v: unknown): unknown[] =>
      typeof v === 'object' && v !== null ? Object.values(v as Record<string, unknown>) : [];
    const over = jsonOverLimit([...group(o.answers), ...group(o.scenes)], limits);
    if (over !== undefined) return fail(over, '', 'answers');
  }
  // one reading of the JSON answer format for the CLI and the server: "model" may be left out (the model is the
  // one being scored); a file naming another model is refused
  const read = assessmentFromJson(data, model, `the assessment's model`);
  if ('refused' in read) return fail(read.refused);
  return { assessment: read.assessment, rowOf: new Map(), problems: [] };
}

/** Plain value of a cell: number, trimmed text (the export's formula marker taken off), or null when blank. */
function cellValue(cell: ExcelJS.Cell): number | string | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && 'result' in v) {
    const r = v.result;
    if (typeof r === 'number') return r;
    return typeof r === 'string' ? r.trim() || null : null;
  }
  const text = restoreCellText(cell.text).trim();
  return text === '' ? null : text;
}

/**
 * A sheet of an answer workbook in whichever language it was made: by its name in the workbook's language (recorded in
 * the hidden sheet), in any language, or else by its position (instructions, answers, then scenes or settings).
 */
function findSheet(
  wb: ExcelJS.Workbook,
  key: 'answers' | 'scenes' | 'settings',
  lang: SheetLang | null,
): ExcelJS.Worksheet | undefined {
  const langs = lang ? [lang, ...SHEET_LANGS.filter((l) => l !== lang)] : SHEET_LANGS;
  for (const l of langs) {
    const ws = wb.getWorksheet(SHEET_NAMES[l][key]);
    if (ws) return ws;
  }
  const sheets = wb.worksheets.filter((ws) => ws.name !== SHEET.meta);
  return sheets[key === 'answers' ? 1 : 2];
}

async function readWorkbook(
  path: string,
  model: IndicatorSystem,
  display: string,
  fail: Fail,
  limits: SheetLimits,
): Promise<ReadAnswers> {
  const content = await readFile(path);
  if (content.length >= 4 && content.readUInt32BE(0) === 0xd0cf11e0)
    return fail('workbook is password-protected (encrypted) or a legacy .xls; save it unprotected as .xlsx');
  if (content.length < 4 || content.readUInt16BE(0) !== 0x504b)
    return fail('not an .xlsx workbook (corrupted or wrong format)');
  const refusal = checkWorkbookLimits(content, limits);
  if (refusal) return fail(refusal.message, refusal.sheet, refusal.limit, refusal.row);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch (err) {
    return fail(`cannot read workbook (corrupted?): ${err instanceof Error ? err.message : String(err)}`);
  }
  const meta = wb.getWorksheet(SHEET.meta);
  if (!meta)
    return fail(
      `not a Tupu answer sheet: hidden sheet ${SHEET.meta} missing (create one with tupu model template)`,
    );
  const id = cellValue(meta.getCell(1, 2));
  const version = cellValue(meta.getCell(2, 2));
  if (id !== model.meta.id)
    return fail(
      `answers are for model "${String(id)}", not "${model.meta.id}" (make a new sheet with tupu model template)`,
      SHEET.meta,
    );
  if (version !== model.meta.version)
    return fail(
      `answers are for ${model.meta.id} version ${String(version)}, the pack is version ${model.meta.version}`,
      SHEET.meta,
    );
  const langCell = cellValue(meta.getCell(4, 2));
  const lang = SHEET_LANGS.find((l) => l === langCell) ?? null;
  const ws = findSheet(wb, 'answers', lang);
  if (!ws) return fail(`sheet "${SHEET_NAMES[lang ?? 'zh'].answers}" missing`);
  const answers: Record<string, AnswerValue> = {};
  const rowOf = new Map<string, { sheet: string; row: number | null }>();
  const problems: SheetProblem[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const qid = cellValue(row.getCell(1));
    if (qid === null) return;
    const key = String(qid);
    rowOf.set(key, { sheet: ws.name, row: r });
    const v = cellValue(row.getCell(ANSWER_COL));
    if (v === null) return;
    if (model.family === 'staged' && typeof v === 'string' && v !== '' && Number.isFinite(Number(v)))
      answers[key] = Number(v);
    // a conformance picked by its name in either language is stored by its id (met / partly / not / na), as the form does
    else if (model.family === 'checklist') answers[key] = readConformance(model, v) ?? v;
    else answers[key] = v;
  });
  let scenes: Record<string, number> | undefined;
  if (model.family === 'points' && model.scenes.length > 0) {
    const sc = findSheet(wb, 'scenes', lang);
    if (!sc)
      problems.push({
        file: display,
        sheet: SHEET_NAMES[lang ?? 'zh'].scenes,
        row: null,
        question: '',
        message: 'scenes sheet missing',
      });
    else {
      scenes = {};
      const levelCol = 4 + model.sceneMax;
      sc.eachRow((row, r) => {
        if (r === 1) return;
        const sid = cellValue(row.getCell(1));
        if (sid === null || !scenes) return;
        rowOf.set(String(sid), { sheet: sc.name, row: r });
        const v = cellValue(row.getCell(levelCol));
        if (v === null) return;
        const n = typeof v === 'number' ? v : Number(v);
        // keep non-numbers as NaN so that the engine reports them for this row
        scenes[String(sid)] = Number.isFinite(n) ? n : Number.NaN;
      });
    }
  }
  let weightTable: string | undefined;
  let notApplicable: string[] | undefined;
  if (model.family === 'staged') {
    const st = findSheet(wb, 'settings', lang);
    if (st) {
      const w = cellValue(st.getCell(SETTING_ROWS.weightTable, 2));
      if (w !== null) weightTable = String(w);
      const na = cellValue(st.getCell(SETTING_ROWS.notApplicable, 2));
      if (na !== null)
        notApplicable = String(na)
          .split(/[\s,，、;；]+/)
          .filter((s) => s !== '');
    }
  }
  const assessment: Assessment = {
    model: id === null ? '' : String(id),
    ...(version !== null ? { version: String(version) } : {}),
    answers,
    ...(scenes ? { scenes } : {}),
    ...(weightTable !== undefined ? { weightTable } : {}),
    ...(notApplicable ? { notApplicable } : {}),
  };
  return { assessment, rowOf, problems };
}

/** Locate answer problems (from the engine) in the file they came from. */
export function locateProblems(
  display: string,
  rowOf: ReadAnswers['rowOf'],
  problems: readonly AnswerProblem[],
): SheetProblem[] {
  return problems.map((p) => {
    const at = rowOf.get(p.itemId);
    const isMeta = p.itemId.startsWith('(');
    return {
      file: display,
      sheet: at?.sheet ?? (isMeta && rowOf.size > 0 ? SHEET.meta : ''),
      row: at?.row ?? null,
      question: isMeta ? '' : p.itemId,
      message: p.message,
    };
  });
}
