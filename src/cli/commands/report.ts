import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Atlas } from '../../core/atlas/types.ts';
import { formatSheetProblem } from '../../packs/model-answers-read.ts';
import { loadAtlasPacks } from '../../packs/atlas-load.ts';
import { formatProblem } from '../../packs/yaml-source.ts';
import {
  renderDiagnosisReport,
  REPORT_FORMATS,
  type ReportFormat,
} from '../../reports/diagnosis-report-file.ts';
import type { ReportLang } from '../../reports/diagnosis-report-model.ts';
import { PdfPrinter } from '../../reports/pdf.ts';
import { CliError } from '../cli-error.ts';
import { loadIndicatorSystem, scoreOne } from './score.ts';

/**
 * The `tupu report` group. Each report type adds its own sub-command from its own file:
 *   reportCommand(program).command('plan')…
 * The group is created by whichever register function runs first.
 */
export function reportCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'report') ??
    program.command('report').description('Write reports (PDF, Word) from assessments and plans')
  );
}

interface DiagnosisOptions {
  model: string;
  answers: string;
  format?: string;
  out?: string;
  org?: string;
  kind?: string;
  title?: string;
  mode: string;
  lang: string;
  previous?: string;
  models: string;
  atlas: string;
}

export function registerReport(program: Command): void {
  reportCommand(program)
    .command('diagnosis')
    .description('Diagnosis report of one answer file (.json or .xlsx) as PDF or Word (.docx)')
    .requiredOption('--model <id>', 'model pack id, e.g. sme-digital-level-2024')
    .requiredOption('--answers <file>', 'filled answers: file.json or file.xlsx')
    .option('--format <format>', 'pdf or docx (default: from --out, else pdf)')
    .option('--out <file>', 'output file (default: diagnosis-<model>.<format> in the current folder)')
    .option('--org <name>', 'organisation name printed on the report')
    .option(
      '--kind <kind>',
      'organisation kind: enterprise, service_provider, authority, association, platform',
    )
    .option('--title <title>', 'assessment title (default: the answer file name)')
    .option('--mode <mode>', 'self (自评) or assessor (现场评估)', 'self')
    .option('--lang <lang>', 'zh or en', 'zh')
    .option('--previous <file>', 'an earlier answer file of the same organisation, to compare with')
    .option('--models <dir>', 'folder of model packs', 'packs/models')
    .option('--atlas <dir>', 'folder of atlas packs (names the scenarios)', 'packs/atlas')
    .action(async (opts: DiagnosisOptions) => {
      const format = reportFormat(opts);
      if (opts.lang !== 'zh' && opts.lang !== 'en') throw new CliError('--lang must be zh or en', 2);
      if (opts.mode !== 'self' && opts.mode !== 'assessor')
        throw new CliError('--mode must be self or assessor', 2);
      const lang: ReportLang = opts.lang;
      const model = await loadIndicatorSystem(opts.models, opts.model);
      const result = await scored(model, opts.answers);
      const previous = opts.previous !== undefined ? await scored(model, opts.previous) : undefined;
      const atlas = await loadAtlas(opts.atlas, model.meta.atlas);
      const out = opts.out ?? `diagnosis-${model.meta.id}.${format}`;
      const printer = new PdfPrinter();
      try {
        const file = await renderDiagnosisReport(
          {
            model,
            result,
            ...(previous ? { previous } : {}),
            ...(atlas ? { atlas } : {}),
            organisation: {
              name: opts.org ?? (lang === 'zh' ? '（未填写组织名称）' : '(organisation not given)'),
              ...(opts.kind !== undefined ? { kind: opts.kind } : {}),
            },
            assessment: { title: opts.title ?? basename(opts.answers), mode: opts.mode },
            lang,
            generatedAt: new Date(),
          },
          format,
          printer,
        );
        await writeFile(out, file);
      } finally {
        await printer.close();
      }
      process.stdout.write(`${resolve(out)}\n`);
    });
}

function reportFormat(opts: DiagnosisOptions): ReportFormat {
  const fromOut = opts.out?.match(/\.(pdf|docx)$/i)?.[1]?.toLowerCase();
  const format = opts.format?.toLowerCase() ?? fromOut ?? 'pdf';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new CliError(`--format must be pdf or docx, not "${opts.format ?? ''}"`, 2);
  if (fromOut !== undefined && fromOut !== format)
    throw new CliError(`--out ends in .${fromOut} but --format is ${format}`, 2);
  if (opts.out !== undefined && fromOut === undefined) throw new CliError(`--out must end in .${format}`, 2);
  return format as ReportFormat;
}

async function scored(model: Parameters<typeof scoreOne>[0], path: string) {
  const { scored, problems } = await scoreOne(model, path);
  if (!scored)
    throw new CliError(
      `${problems.length} problem(s) in the answers:\n${problems.map(formatSheetProblem).join('\n')}`,
      1,
    );
  return scored.result;
}

/** The atlas the model's scenario codes point to; without it the report shows bare codes (with a warning). */
async function loadAtlas(dir: string, id: string): Promise<Atlas | undefined> {
  const loaded = await loadAtlasPacks(dir);
  if (!loaded.ok) {
    process.stderr.write(
      `tupu: warning: atlas packs in ${dir} are not usable, scenarios are shown by code:\n${loaded.problems.map(formatProblem).join('\n')}\n`,
    );
    return undefined;
  }
  const atlas = loaded.catalog.get(id);
  if (!atlas)
    process.stderr.write(
      `tupu: warning: atlas pack ${id} not found in ${dir}, scenarios are shown by code\n`,
    );
  return atlas;
}
