import type { Command } from 'commander';
import { answerTemplate } from '../../packs/model-sheet-template.ts';
import { loadModel } from './score.ts';

export function registerModel(program: Command): void {
  const model = program.command('model').description('Indicator-system (evaluation model) packs');
  model
    .command('template')
    .description(
      'Write a blank .xlsx answer sheet for a model (dropdowns, instructions, hidden model id and version)',
    )
    .requiredOption('--model <id>', 'model pack id, e.g. sme-digital-level-2024')
    .option('--out <file>', 'output .xlsx (default <model id>.xlsx)')
    .option('--models <dir>', 'folder of model packs', 'packs/models')
    .action(async (opts: { model: string; out?: string; models: string }) => {
      const m = await loadModel(opts.models, opts.model);
      const out = opts.out ?? `${m.meta.id}.xlsx`;
      await answerTemplate(m).xlsx.writeFile(out);
      process.stderr.write(`answer sheet for ${m.meta.id} v${m.meta.version} → ${out}\n`);
    });
}
