/**
 * `tupu profile <file.csv|file.xlsx> [--rules rules.yaml] [--format json|xlsx] [--out file]`: data quality
 * profiling of a ledger by the GB/T 36344 dimensions, streamed (src/ledgers/, src/core/data-quality/). The JSON is
 * `{ rows, columns: [{ name, type, nulls, distinct, min, max, violations }], dimensions: { 规范性: 0-100 | null, … },
 * score }`; a dimension no rule assessed is null.
 */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Profiler, type Profile } from '../../core/data-quality/profiler.ts';
import type { RulesFile } from '../../core/data-quality/rules.ts';
import { streamCsv } from '../../ledgers/csv-stream.ts';
import { LedgerReadError, WorkbookRefused } from '../../ledgers/errors.ts';
import { loadRulesFile } from '../../ledgers/rules-file.ts';
import { formatProblem } from '../../packs/yaml-source.ts';
import { CliError } from '../cli-error.ts';

interface ProfileOptions {
  rules?: string;
  format?: string;
  out?: string;
  asOf?: string;
}

export function registerProfile(program: Command): void {
  program
    .command('profile')
    .description('data quality profile of a CSV or .xlsx ledger by the GB/T 36344 dimensions (streamed)')
    .argument('<file>', 'the ledger: .csv (UTF-8, UTF-8 with BOM or GBK) or .xlsx (first sheet)')
    .option(
      '--rules <file>',
      'rules YAML (columns: type, required, range, pattern, values, unique, freshness; checks)',
    )
    .option('--format <format>', 'json or xlsx (default: from --out, else json)')
    .option('--out <file>', 'write the profile to this file instead of standard output')
    .option('--as-of <date>', 'the date freshness is judged against, YYYY-MM-DD (default: today)')
    .action(async (file: string, opts: ProfileOptions) => {
      const format =
        opts.format ?? (opts.out && extname(opts.out).toLowerCase() === '.xlsx' ? 'xlsx' : 'json');
      if (format !== 'json' && format !== 'xlsx')
        throw new CliError(`--format must be json or xlsx, got "${format}"`, 2);
      if (format === 'xlsx' && !opts.out) throw new CliError('--format xlsx needs --out <file.xlsx>', 2);
      if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf))
        throw new CliError(`--as-of must be YYYY-MM-DD, got "${opts.asOf}"`, 2);
      const rules = opts.rules ? await readRules(opts.rules) : undefined;
      const profile = await profileFile(file, rules, opts.asOf);
      if (format === 'json') {
        const text = `${JSON.stringify(profileJson(profile), null, 2)}\n`;
        if (opts.out) await writeFile(opts.out, text);
        else process.stdout.write(text);
      } else {
        const { profileWorkbook } = await import('../../ledgers/profile-workbook.ts');
        await writeFile(opts.out!, await profileWorkbook(profile, file));
      }
      if (opts.out)
        process.stderr.write(
          `profiled ${profile.rows} rows of ${file}: score ${profile.score ?? '—'} → ${opts.out}\n`,
        );
      const estimated = profile.columns.filter((c) => !c.distinctExact).map((c) => c.name);
      if (estimated.length > 0)
        process.stderr.write(
          `distinct counts are estimates (HyperLogLog, ±1 %) for: ${estimated.join(', ')}\n`,
        );
    });
}

async function readRules(path: string): Promise<RulesFile> {
  const r = await loadRulesFile(path);
  if (!r.ok)
    throw new CliError(`the rules file is not usable:\n${r.problems.map(formatProblem).join('\n')}`, 2);
  return r.rules;
}

/** Stream the file through a profiler: the first record is the header. */
export async function profileFile(
  file: string,
  rules: RulesFile | undefined,
  asOf?: string,
): Promise<Profile> {
  const ext = extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx' && ext !== '.txt' && ext !== '.tsv')
    throw new CliError(
      `${file}: profile reads .csv (or .tsv, .txt) and .xlsx files, not "${ext || 'no extension'}"`,
      2,
    );
  let profiler: Profiler | undefined;
  const onRecord = (cells: (string | null)[], row: number) => {
    if (!profiler) {
      const header = cells.map((c, k) => (c ?? '').trim() || `列${k + 1}`);
      profiler = new Profiler(header, { ...(rules ? { rules } : {}), ...(asOf ? { asOf } : {}) });
      return;
    }
    profiler.add(cells, row);
  };
  try {
    // exceljs is loaded only for a workbook
    if (ext === '.xlsx') await (await import('../../ledgers/xlsx-stream.ts')).streamXlsx(file, onRecord);
    else await streamCsv(file, onRecord);
  } catch (err) {
    if (err instanceof LedgerReadError || err instanceof WorkbookRefused)
      throw new CliError(`${file}: ${err.message}`, 1);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`${file}: no such file`, 2);
    throw err;
  }
  if (!profiler) throw new CliError(`${file}: no header row: the file is empty`, 1);
  return profiler.finish(new Date().toISOString().slice(0, 10));
}

/** The command's JSON: exactly rows, columns (name, type, nulls, distinct, min, max, violations), dimensions, score. */
export function profileJson(p: Profile) {
  return {
    rows: p.rows,
    columns: p.columns.map((c) => ({
      name: c.name,
      type: c.type,
      nulls: c.nulls,
      distinct: c.distinct,
      min: c.min,
      max: c.max,
      violations: c.violations.map((v) => ({
        rule: v.rule,
        dimension: v.dimension,
        checked: v.checked,
        failed: v.failed,
        score: v.score,
        rows: v.rows,
        ...(v.message === undefined ? {} : { message: v.message }),
      })),
    })),
    dimensions: p.dimensions,
    score: p.score,
  };
}
