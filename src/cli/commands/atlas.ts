import ExcelJS from 'exceljs';
import type { Command } from 'commander';
import { readdir, writeFile } from 'node:fs/promises';
import { exportAtlasJson } from '../../core/atlas/export-json.ts';
import { exportAtlasMarkdown } from '../../core/atlas/export-md.ts';
import { atlasResolverFor, loadAtlasPacks } from '../../packs/atlas-load.ts';
import { checkAtlasPackYaml, writeAtlasPack } from '../../packs/atlas-write.ts';
import { buildAtlasWorkbook } from '../../packs/atlas-xlsx-export.ts';
import { importAtlasWorkbook } from '../../packs/atlas-xlsx-import.ts';
import { formatProblem } from '../../packs/yaml-source.ts';
import { writeWorkbookFile } from '../../reports/workbook-file.ts';
import { CliError } from '../cli-error.ts';

const DEFAULT_PACKS = 'packs/atlas';

function fail(problems: readonly string[]): never {
  for (const p of problems) process.stderr.write(`${p}\n`);
  throw new CliError(
    `${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing written`,
    1,
  );
}

/** `tupu atlas …` — export an atlas pack to JSON, Excel or Markdown, and import a filled Excel template. */
export function registerAtlas(program: Command): void {
  const atlas = program.command('atlas').description('Scenario atlas (一图四清单): export and import');

  atlas
    .command('export')
    .description('Export an atlas pack as JSON, an Excel authoring template (xlsx) or a Markdown document')
    .requiredOption('--pack <id>', 'pack id, e.g. guide-2024')
    .option('--format <format>', 'json | xlsx | md', 'json')
    .option('--out <file>', 'write to this file (required for xlsx; default: standard output)')
    .option('--packs <dir>', 'folder of atlas packs', DEFAULT_PACKS)
    .action(async (opts: { pack: string; format: string; out?: string; packs: string }) => {
      if (!['json', 'xlsx', 'md'].includes(opts.format)) {
        throw new CliError(`unknown format "${opts.format}"; use json, xlsx or md`, 2);
      }
      if (opts.format === 'xlsx' && !opts.out) throw new CliError('xlsx export needs --out <file.xlsx>', 2);
      const loaded = await loadAtlasPacks(opts.packs);
      if (!loaded.ok) fail(loaded.problems.map(formatProblem));
      const found = loaded.catalog.get(opts.pack);
      if (!found) {
        const ids = [...loaded.catalog.keys()].join(', ') || 'none';
        throw new CliError(`no atlas pack "${opts.pack}" in ${opts.packs} (available: ${ids})`, 1);
      }
      if (opts.format === 'xlsx') {
        await writeWorkbookFile(buildAtlasWorkbook(found), opts.out!);
        process.stdout.write(
          `wrote ${opts.out} (${found.own.scenarios.length} scenarios, ${found.own.links.length} links)\n`,
        );
        return;
      }
      const text =
        opts.format === 'json'
          ? JSON.stringify(exportAtlasJson(found), null, 2) + '\n'
          : exportAtlasMarkdown(found);
      if (opts.out) await writeFile(opts.out, text, 'utf8');
      else process.stdout.write(text);
    });

  atlas
    .command('import <xlsx>')
    .description(
      'Turn a filled authoring template into a pack folder of YAML (validated; nothing written on problems)',
    )
    .requiredOption('--out <dir>', 'pack folder to write')
    .option('--id <id>', 'pack id (overrides the ReadMe sheet)')
    .option('--extends <id>', 'id of the base pack (overrides the ReadMe sheet)')
    .option('--packs <dir>', 'folder of atlas packs, where the base pack is looked for', DEFAULT_PACKS)
    .option('--force', 'write into a folder that is not empty')
    .action(
      async (
        file: string,
        opts: { out: string; id?: string; extends?: string; packs: string; force?: boolean },
      ) => {
        const wb = new ExcelJS.Workbook();
        try {
          await wb.xlsx.readFile(file);
        } catch (err) {
          throw new CliError(
            `cannot read ${file} as an Excel workbook: ${err instanceof Error ? err.message : String(err)}`,
            1,
          );
        }
        const resolve = await atlasResolverFor(opts.packs);
        const result = await importAtlasWorkbook(wb, {
          resolve,
          ...(opts.id ? { id: opts.id } : {}),
          ...(opts.extends ? { extends: opts.extends } : {}),
        });
        if (!result.ok) fail(result.problems);
        const existing = await readdir(opts.out).catch(() => []);
        if (existing.length > 0 && !opts.force) {
          throw new CliError(`${opts.out} is not empty; use --force to write into it`, 1);
        }
        // the YAML about to be written must load back as the same pack: check it before writing anything
        const check = await checkAtlasPackYaml(result.atlas.own, resolve);
        if (!check.ok) fail(check.problems.map(formatProblem));
        await writeAtlasPack(opts.out, result.atlas.own);
        const own = result.atlas.own;
        process.stdout.write(
          `wrote ${opts.out}: atlas ${own.meta.id}@${own.meta.version} (${own.scenarios.length} scenarios, ${own.links.length} links)\n`,
        );
      },
    );
}
