import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswerValue, AssessmentProfile } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import type { SheetProblem } from '../../packs/model-answers-read.ts';
import { readAnswerFileInWorker } from '../../packs/parse-in-worker.ts';
import { AppError } from '../../server/app-error.ts';
import { checkAnswers, checkProfile } from './answer-checks.ts';
import { progress } from './assessment-result.ts';
import { locked, type LoadedAssessment } from './load-assessment.ts';
import { listAnswers, storeImportedAnswers } from './repositories/assessments.ts';

/** Reads an answer file (.xlsx or .json at `path`) against the indicator system: the worker-thread parser by default. */
export type ReadAnswerFile = typeof readAnswerFileInWorker;

/**
 * Import a filled answer sheet (.xlsx, or .json when `fileName` says so): parsed in a worker thread, every answer and
 * the profile it sets checked against the indicator system, every problem listed with where it is (400
 * invalid_answer_sheet; 413 answer_sheet_over_limit for a sheet over ANSWER_SHEET_LIMITS) and nothing stored; else
 * stored in one transaction under the assessment's row lock (409 assessment_locked when submitted meanwhile).
 */
export async function importAnswers(
  db: Db,
  loaded: LoadedAssessment,
  sheetFile: { content: Buffer; fileName: string },
  readFile: ReadAnswerFile = readAnswerFileInWorker,
): Promise<{ imported: number; answered: number }> {
  const { row, index, profile, scope } = loaded;
  const { content, fileName } = sheetFile;
  const ext = /\.json$/i.test(fileName) ? '.json' : '.xlsx';
  const dir = await mkdtemp(join(tmpdir(), 'tupu-import-'));
  let read;
  try {
    const path = join(dir, `sheet${ext}`);
    await writeFile(path, content);
    read = await readFile(path, index.model, fileName);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const overLimit = read.problems.find((p) => p.limit !== undefined);
  if (overLimit) throw sheetOverLimit(overLimit, read.problems);
  const sheet = read.assessment;
  if (sheet && sheet.model !== index.model.meta.id)
    read.problems.push({
      file: fileName,
      sheet: '',
      row: null,
      question: '',
      message: `answers are for model "${sheet.model}", not "${index.model.meta.id}"`,
    });
  if (read.problems.length > 0 || !sheet) throw invalidSheet(read.problems);

  const batch: Record<string, AnswerValue> = { ...sheet.answers, ...sheet.scenes };
  const setsProfile = sheet.weightTable !== undefined || sheet.notApplicable !== undefined;
  const newProfile: AssessmentProfile = { ...profile };
  if (sheet.weightTable !== undefined) newProfile.weightTable = sheet.weightTable;
  if (sheet.notApplicable !== undefined) newProfile.notApplicable = sheet.notApplicable;
  // model-answers-read.ts loads exceljs (the sheet itself is parsed in a worker): load it on the first import only
  const { locateProblems } = await import('../../packs/model-answers-read.ts');
  const located = locateProblems(fileName, read.rowOf, checkAnswers(index, batch));
  for (const message of checkProfile(index, newProfile))
    located.push({ file: fileName, sheet: '', row: null, question: '', message });
  if (located.length > 0) throw invalidSheet(located);

  const imported = await storeImportedAnswers(db, scope, batch, setsProfile ? newProfile : undefined);
  if (imported === 'locked') throw locked();
  const { answered } = progress(index, await listAnswers(db, scope.tenant, row.id), newProfile);
  return { imported, answered };
}

type Problem = Omit<SheetProblem, 'limit'>;

const where = (p: Problem) =>
  [p.sheet && `sheet "${p.sheet}"`, p.row !== null && `row ${p.row}`, p.question && `question ${p.question}`]
    .filter(Boolean)
    .join(', ');

/** 413: the sheet goes over one of ANSWER_SHEET_LIMITS (named in the message and in details.limit). */
function sheetOverLimit(over: SheetProblem, problems: SheetProblem[]): AppError {
  return new AppError(
    413,
    'answer_sheet_over_limit',
    `${where(over) || over.file}: ${over.message}; nothing was imported`,
    { limit: over.limit, sheet: over.sheet, problems },
  );
}

function invalidSheet(problems: Problem[]): AppError {
  const first = problems[0];
  const head = first ? `${where(first) || first.file}: ${first.message}` : 'invalid answer sheet';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError(400, 'invalid_answer_sheet', `${head}${more}; nothing was imported`, { problems });
}
