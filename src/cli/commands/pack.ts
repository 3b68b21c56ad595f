import type { Command } from 'commander';
import { validatePacks } from '../../packs/pack-validators.ts';
import { formatProblem } from '../../packs/yaml-source.ts';
import { CliError } from '../cli-error.ts';

/** `tupu pack …` — work with content packs (atlas packs; other kinds register in src/packs/pack-validators.ts). */
export function registerPack(program: Command): void {
  const pack = program
    .command('pack')
    .description('Work with content packs (scenario atlases, maturity models, …)');
  pack
    .command('validate <path>')
    .description(
      'Check a pack folder, or every pack folder under a root, and print each problem as file:line: message',
    )
    .action(async (path: string) => {
      const r = await validatePacks(path.replace(/\/+$/, '') || path);
      if (r.problems.length > 0) {
        for (const p of r.problems) process.stderr.write(`${formatProblem(p)}\n`);
        throw new CliError(`${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} found`, 1);
      }
      process.stdout.write(`ok: ${r.summaries.join('; ')}\n`);
    });
}
