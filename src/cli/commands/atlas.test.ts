import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const fixtures = 'src/packs/fixtures/atlas';

/** run the real CLI; resolves with exit code and output whatever the exit code */
async function tupu(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/tupu.js', ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tupu-atlas-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('tupu pack validate / atlas export / atlas import', () => {
  it('prints every problem as file:line: message and exits 1', async () => {
    const r = await tupu('pack', 'validate', `${fixtures}/bad/all-problems`);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe(`${fixtures}/bad/all-problems/links.yaml:8: link to unknown scenario GEN-PM-09`);
    expect(lines.at(-1)).toBe('tupu: 7 problems found');
  }, 30_000);

  it('exports a fixture pack to xlsx, imports it back into a valid pack folder, and exports JSON', async () => {
    const xlsx = join(dir, 'child.xlsx');
    const out = join(dir, 'child-copy');
    const exported = await tupu(
      'atlas',
      'export',
      '--packs',
      `${fixtures}/good`,
      '--pack',
      'fixture-child',
      '--format',
      'xlsx',
      '--out',
      xlsx,
    );
    expect(exported).toMatchObject({ code: 0, stdout: `wrote ${xlsx} (1 scenarios, 1 links)\n` });
    const imported = await tupu('atlas', 'import', xlsx, '--out', out, '--packs', `${fixtures}/good`);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe(`wrote ${out}: atlas fixture-child@0.1.0 (1 scenarios, 1 links)\n`);
    expect(await readFile(join(out, 'scenarios.yaml'), 'utf8')).toContain('code: EQP-PM-01');

    const json = join(dir, 'child.json');
    await tupu('atlas', 'export', '--packs', `${fixtures}/good`, '--pack', 'fixture-child', '--out', json);
    const parsed = JSON.parse(await readFile(json, 'utf8')) as {
      pack: { extends: { id: string }[] };
      scenarios: unknown[];
    };
    expect(parsed.pack.extends.map((p) => p.id)).toEqual(['fixture-base']);
    expect(parsed.scenarios).toHaveLength(5);
  }, 60_000);
});
