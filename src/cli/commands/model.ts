import type { Command } from 'commander';
import { SHEET_LANGS, type SheetLang } from '../../packs/model-sheet-layout.ts';
import { answerTemplate } from '../../packs/model-sheet-template.ts';
import { writeWorkbookFile } from '../../reports/workbook-file.ts';
import { CliError } from '../cli-error.ts';
import { loadIndicatorSystem } from './score.ts';

export function registerModel(program: Command): void {
  const model = program.command('model').description('Indicator-system (evaluation model) packs');
  model
    .command('template')
    .description(
      'Write a blank .xlsx answer sheet for a model (dropdowns, instructions, hidden model id and version)',
    )
    .requiredOption('--model <id>', 'model pack id, e.g. sme-digital-level-2024')
    .option('--out <file>', 'output .xlsx (default <model id>.xlsx)')
    .option('--lang <lang>', 'language of the sheet: zh or en (either imports)', 'zh')
    .option('--models <dir>', 'folder of model packs', 'packs/models')
    .action(async (opts: { model: string; out?: string; lang: string; models: string }) => {
      const lang = SHEET_LANGS.find((l): l is SheetLang => l === opts.lang);
      if (!lang) throw new CliError(`--lang must be zh or en, got "${opts.lang}"`, 2);
      const m = await loadIndicatorSystem(opts.models, opts.model);
      const out = opts.out ?? `${m.meta.id}.xlsx`;
      await writeWorkbookFile(answerTemplate(m, lang), out);
      process.stderr.write(`answer sheet (${lang}) for ${m.meta.id} v${m.meta.version} → ${out}\n`);
    });
}
