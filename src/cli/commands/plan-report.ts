/**
 * `tupu plan report --input instance.json [--solution result.json] [--format docx|pdf] [--out file] [--org name]
 * [--lang zh|en] [--atlas guide-2024]`: the 转型规划方案 (guide 二(一)) as Word or PDF. Solves the instance when no
 * solution is given. The same command is also `tupu plan-report` and `tupu report plan`.
 *
 * The instance file may carry, next to the solver's fields, `organisation: {name}`, `profile: {industry,
 * processType, employees, revenue, enterpriseType}` (the plans' enterprise profile, any part of it), `risks: [...]`, `moneyUnit` and per-initiative `title` / `scope`.
 */
import { nextQuarter } from '../../core/planning/plan-calendar.ts';
import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Atlas } from '../../core/atlas/types.ts';
import type { PlanInstance } from '../../core/planning/plan-instance.ts';
import type { PlanResult } from '../../core/planning/plan-result.ts';
import { formatPlanProblem, parsePlanInstance } from '../../core/planning/validate-instance.ts';
import { loadAtlasPacks } from '../../packs/atlas-load.ts';
import { formatProblem } from '../../packs/yaml-source.ts';
import {
  PLAN_DOCUMENT_FORMATS,
  renderPlanDocument,
  type PlanDocumentFormat,
} from '../../reports/plan-document-file.ts';
import {
  parsePlanProfile,
  parsePlanRisks,
  parsePlanSolution,
  unknownScenarioProblems,
} from '../../reports/plan-document-input.ts';
import type { PlanDocumentInitiative, PlanLang } from '../../reports/plan-document-types.ts';
import { PdfPrinter } from '../../reports/pdf.ts';
import { solvePlan } from '../../solver/solve-plan.ts';
import { closeSolverThread } from '../../solver/solver-thread.ts';
import { CliError } from '../cli-error.ts';
import { reportCommand } from './report.ts';

export interface PlanReportOptions {
  readonly input?: string;
  readonly solution?: string;
  readonly format?: string;
  readonly out?: string;
  readonly org?: string;
  readonly lang?: string;
  readonly atlas?: string;
  readonly atlasDir?: string;
  readonly enterpriseType?: string;
  readonly timeLimit?: string;
}

export const PLAN_REPORT_TIME_LIMIT_SECONDS = 10;
/** The atlas packs shipped with Tupu, wherever the command is run from. */
const DEFAULT_ATLAS_DIR = fileURLToPath(new URL('../../../packs/atlas', import.meta.url));

async function readJson(path: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (err) {
    throw new CliError(`cannot read ${what} ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function documentFormat(options: PlanReportOptions): PlanDocumentFormat {
  const fromOut = options.out?.match(/\.(pdf|docx)$/i)?.[1]?.toLowerCase();
  const format = options.format?.toLowerCase() ?? fromOut ?? 'docx';
  if (!(PLAN_DOCUMENT_FORMATS as readonly string[]).includes(format))
    throw new CliError(`--format must be docx or pdf, not "${options.format ?? ''}"`, 2);
  if (fromOut !== undefined && fromOut !== format)
    throw new CliError(`--out ends in .${fromOut} but --format is ${format}`, 2);
  return format as PlanDocumentFormat;
}

async function loadAtlas(dir: string, id: string): Promise<Atlas> {
  const loaded = await loadAtlasPacks(dir);
  if (!loaded.ok)
    throw new CliError(
      `atlas packs in ${dir} do not load:\n${loaded.problems.map(formatProblem).join('\n')}`,
    );
  const atlas = loaded.catalog.get(id);
  if (atlas === undefined)
    throw new CliError(`no atlas pack "${id}" in ${dir} (have: ${[...loaded.catalog.keys()].join(', ')})`);
  return atlas;
}

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** Titles and scopes written next to the solver's fields in the instance file. */
function documentInitiatives(instance: PlanInstance, raw: unknown): PlanDocumentInitiative[] {
  const list = Array.isArray(record(raw).initiatives) ? (record(raw).initiatives as unknown[]) : [];
  return instance.initiatives.map((initiative, k) => {
    const extra = record(list[k]);
    return {
      ...initiative,
      ...(typeof extra.title === 'string' ? { title: extra.title } : {}),
      ...(typeof extra.scope === 'string' ? { scope: extra.scope } : {}),
    };
  });
}

export async function runPlanReport(options: PlanReportOptions): Promise<string> {
  if (options.input === undefined) throw new CliError('--input <file> is required', 2);
  const lang = options.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new CliError('--lang must be zh or en', 2);
  const format = documentFormat(options);
  const timeLimitSeconds = Number(options.timeLimit ?? PLAN_REPORT_TIME_LIMIT_SECONDS);
  if (!(Number.isFinite(timeLimitSeconds) && timeLimitSeconds > 0))
    throw new CliError(`--time-limit must be a positive number (got "${options.timeLimit ?? ''}")`, 2);
  const input = options.input;
  const raw = await readJson(input, 'plan instance');
  const atlas = await loadAtlas(options.atlasDir ?? DEFAULT_ATLAS_DIR, options.atlas ?? 'guide-2024');

  const parsed = parsePlanInstance(raw);
  if (!parsed.ok) {
    throw new CliError(
      `${input}: ${parsed.problems.length} problem(s)\n${parsed.problems.map((p) => `${input}: ${formatPlanProblem(p)}`).join('\n')}`,
    );
  }
  const instance = parsed.instance;
  const fields = record(raw);
  const inInput = (problem: string): string => `${input}: ${problem}`;
  const problems: string[] = unknownScenarioProblems(instance, atlas).map(inInput);
  const profileRaw = { ...record(fields.profile) };
  if (options.enterpriseType !== undefined) profileRaw.enterpriseType = options.enterpriseType;
  const profile = parsePlanProfile(profileRaw, atlas);
  if (!profile.ok) problems.push(...profile.problems.map(inInput));
  const risks = parsePlanRisks(fields.risks, instance);
  if (!risks.ok) problems.push(...risks.problems.map(inInput));
  let solution: PlanResult | undefined;
  if (options.solution !== undefined) {
    const file = options.solution;
    const saved = parsePlanSolution(await readJson(file, 'solution'), instance);
    if (saved.ok) solution = saved.value;
    else problems.push(...saved.problems.map((p) => `${file}: ${p}`));
  }
  if (problems.length > 0 || !profile.ok || !risks.ok)
    throw new CliError(`${problems.length} problem(s)\n${problems.join('\n')}`);

  if (solution === undefined) {
    try {
      solution = await solvePlan(instance, { timeLimitSeconds });
    } finally {
      await closeSolverThread();
    }
  }
  const organisation =
    options.org ??
    (typeof record(fields.organisation).name === 'string'
      ? String(record(fields.organisation).name)
      : undefined) ??
    (lang === 'zh' ? '（未填写组织名称）' : '(organisation not given)');
  const out = options.out ?? `plan-${basename(input).replace(/\.json$/i, '')}.${format}`;
  const printer = new PdfPrinter();
  try {
    const bytes = await renderPlanDocument(
      {
        organisation: { name: organisation },
        profile: profile.value,
        settings: {
          ...instance,
          start: nextQuarter(new Date()),
          ...(typeof fields.moneyUnit === 'string' ? { moneyUnit: fields.moneyUnit } : {}),
        },
        initiatives: documentInitiatives(instance, raw),
        solution,
        risks: risks.value,
        atlas,
        lang: lang satisfies PlanLang,
        generatedAt: new Date(),
      },
      format,
      printer,
    );
    await writeFile(out, bytes);
  } finally {
    await printer.close();
  }
  return resolve(out);
}

function addReportOptions(command: Command, withInput: boolean): Command {
  if (withInput) {
    command
      .option('-i, --input <file>', 'plan instance (JSON), as for `tupu plan`')
      .option(
        '-t, --time-limit <seconds>',
        'solver time limit when no --solution is given',
        String(PLAN_REPORT_TIME_LIMIT_SECONDS),
      );
  }
  return command
    .option('--solution <file>', 'a saved solution (the JSON `tupu plan` prints); solved now when absent')
    .option('--format <format>', 'docx or pdf (default: from --out, else docx)')
    .option('--out <file>', 'output file (default: plan-<input>.<format> in the current folder)')
    .option('--org <name>', 'organisation name (default: organisation.name in the input file)')
    .option('--lang <lang>', 'zh or en', 'zh')
    .option('--atlas <id>', 'atlas pack the scenario codes belong to', 'guide-2024')
    .option('--atlas-dir <dir>', 'folder of atlas packs (default: the packs shipped with Tupu)')
    .option(
      '--enterprise-type <id>',
      'leader, large, little-giant, specialized-sme or micro (overrides the input file)',
    );
}

async function act(options: PlanReportOptions): Promise<void> {
  process.stdout.write(`${await runPlanReport(options)}\n`);
}

const DESCRIPTION =
  'the transformation plan document (转型规划方案) as Word or PDF, solving the instance if needed';

/**
 * Registers `tupu plan-report` and `tupu report plan`, and `tupu plan report` when `tupu plan` is registered already
 * (its --input and --time-limit are then parsed by `plan` itself and read back here).
 */
export function registerPlanReport(program: Command): void {
  addReportOptions(program.command('plan-report').description(DESCRIPTION), true).action(act);
  addReportOptions(reportCommand(program).command('plan').description(DESCRIPTION), true).action(act);
  const plan = program.commands.find((c) => c.name() === 'plan');
  if (plan === undefined) return;
  addReportOptions(plan.command('report').description(DESCRIPTION), false).action(
    async (options: PlanReportOptions, command: Command) => {
      const parent = command.parent;
      const fromPlan = parent?.opts<{ input?: string; timeLimit?: string }>() ?? {};
      const timeLimitIsDefault = parent?.getOptionValueSource('timeLimit') === 'default';
      await act({
        ...options,
        ...(fromPlan.input === undefined ? {} : { input: fromPlan.input }),
        ...(fromPlan.timeLimit === undefined || timeLimitIsDefault ? {} : { timeLimit: fromPlan.timeLimit }),
      });
    },
  );
}
