import type { Command } from 'commander';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { diagnose } from '../../core/diagnosis/diagnose.ts';
import type { IndicatorSystem } from '../../core/diagnosis/model-schema.ts';
import { readAnswerJson } from '../../packs/model-answers-json.ts';
import {
  formatSheetProblem,
  locateProblems,
  readAnswerFile,
  type SheetProblem,
} from '../../packs/model-answers-read.ts';
import { loadIndicatorSystemById } from '../../packs/model-load.ts';
import { indicatorSystemNames, resultsWorkbook, type ScoredSheet } from '../../packs/model-results-book.ts';
import { SHEET_LANGS, type SheetLang } from '../../packs/model-sheet-layout.ts';
import { formatProblem } from '../../packs/yaml-source.ts';
import { writeWorkbookFile } from '../../reports/workbook-file.ts';
import { CliError } from '../cli-error.ts';

interface ScoreOptions {
  model: string;
  answers: string;
  out?: string;
  models: string;
  lang: string;
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .description(
      'Diagnose filled answers (.json, .xlsx, or a folder of them) against an indicator-system model pack',
    )
    .requiredOption('--model <id>', 'model pack id, e.g. sme-digital-level-2024')
    .requiredOption('--answers <path>', 'answers: file.json, file.xlsx, or a folder of filled sheets')
    .option(
      '--out <file>',
      'write results to .json or .xlsx (a folder always gives one .xlsx, default results.xlsx)',
    )
    .option('--models <dir>', 'folder of model packs', 'packs/models')
    .option('--lang <lang>', 'language of the results workbook: zh or en', 'zh')
    .action(async (opts: ScoreOptions) => {
      const lang = SHEET_LANGS.find((l): l is SheetLang => l === opts.lang);
      if (!lang) throw new CliError(`--lang must be zh or en, got "${opts.lang}"`, 2);
      const model = await loadIndicatorSystem(opts.models, opts.model);
      const isDir = (await stat(opts.answers).catch(() => null))?.isDirectory() ?? false;
      if (isDir) await scoreFolder(model, opts, lang);
      else await scoreFile(model, opts, lang);
    });
}

export async function loadIndicatorSystem(modelsDir: string, id: string): Promise<IndicatorSystem> {
  const loaded = await loadIndicatorSystemById(modelsDir, id);
  if (!loaded.ok)
    throw new CliError(
      `model pack ${id} is not usable:\n${loaded.problems.map(formatProblem).join('\n')}`,
      2,
    );
  return loaded.model;
}

/**
 * Score one answer file; returns the result or the located problems (nothing scored when there are any). A JSON file
 * is the answers to `model` whether or not it names it; one naming another model is refused.
 */
export async function scoreOne(model: IndicatorSystem, path: string, display = path) {
  const read = /\.json$/i.test(path)
    ? await readAnswerJson(path, model, display, '--model')
    : await readAnswerFile(path, model, display);
  if (!read.assessment) return { scored: null, problems: read.problems };
  const { result, problems } = diagnose(model, read.assessment);
  const all: SheetProblem[] = [...read.problems, ...locateProblems(display, read.rowOf, problems)];
  return all.length > 0
    ? { scored: null, problems: all }
    : { scored: { file: display, result }, problems: [] };
}

async function scoreFile(model: IndicatorSystem, opts: ScoreOptions, lang: SheetLang): Promise<void> {
  const { scored, problems } = await scoreOne(model, opts.answers);
  if (!scored)
    throw new CliError(
      `${problems.length} problem(s) in the answers:\n${problems.map(formatSheetProblem).join('\n')}`,
      1,
    );
  const r = scored.result;
  const json = {
    model: r.model,
    score: r.score,
    maxScore: r.maxScore,
    percent: r.percent,
    level: r.level,
    dimensions: r.dimensions,
    scenes: r.scenes,
    levelScores: r.levelScores,
    nextLevel: r.nextLevel,
    gaps: r.gaps,
  };
  if (!opts.out) process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  else if (/\.json$/i.test(opts.out)) await writeFile(opts.out, JSON.stringify(json, null, 2) + '\n');
  else if (/\.xlsx$/i.test(opts.out))
    await writeWorkbookFile(resultsWorkbook(model, [scored], [], lang), opts.out);
  else throw new CliError('--out must end in .json or .xlsx', 2);
  if (opts.out) {
    const level = r.level
      ? indicatorSystemNames(model, lang).level(r.level)
      : lang === 'en'
        ? 'below level 1'
        : '未达级';
    process.stderr.write(`${basename(opts.answers)}: ${r.score}/${r.maxScore}, ${level} → ${opts.out}\n`);
  }
}

async function scoreFolder(model: IndicatorSystem, opts: ScoreOptions, lang: SheetLang): Promise<void> {
  const out = opts.out ?? 'results.xlsx';
  if (!/\.xlsx$/i.test(out))
    throw new CliError('scoring a folder writes one workbook: --out must end in .xlsx', 2);
  const files = (await readdir(opts.answers))
    .filter((f) => /\.(xlsx|json)$/i.test(f) && !f.startsWith('~$'))
    .sort();
  const scored: ScoredSheet[] = [];
  const errors: SheetProblem[] = [];
  const tty = process.stderr.isTTY;
  for (const [i, f] of files.entries()) {
    const r = await scoreOne(model, join(opts.answers, f), f);
    if (r.scored) scored.push(r.scored);
    errors.push(...r.problems);
    if (tty || i === files.length - 1 || i % 100 === 0)
      process.stderr.write(
        `${tty ? '\r' : ''}scoring ${i + 1}/${files.length} (${errors.length} problem(s))${tty ? '' : '\n'}`,
      );
  }
  if (tty) process.stderr.write('\n');
  await writeWorkbookFile(resultsWorkbook(model, scored, errors, lang), out);
  const bad = new Set(errors.map((e) => e.file)).size;
  const errorSheet = lang === 'en' ? 'Errors' : '错误 Errors';
  process.stderr.write(
    `${scored.length} sheet(s) scored, ${bad} with problems (see sheet ${errorSheet}) → ${out}\n`,
  );
}
