import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTupu } from '../../../tests/support/cli.ts';
import { useTempDir } from '../../../tests/support/temp-dir.ts';

const MODEL = 'ics-security-2024';
/** Every one of the 33 requirements of the ICS guide answered "met". */
const ANSWERS = Object.fromEntries(
  Array.from({ length: 33 }, (_, i) => [`ICS-${String(i + 1).padStart(2, '0')}`, 'met']),
);

describe('tupu score --answers file.json', () => {
  const dir = useTempDir('tupu-score-cli-');
  const answersFile = (name: string, content: object): string => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };
  const score = (file: string) => runTupu(['score', '--model', MODEL, '--answers', file]);

  it('scores a file without "model" against the model given on the command line', () => {
    const run = score(answersFile('no-model.json', { answers: ANSWERS }));
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { model: { id: string }; percent: number };
    expect(result.model.id).toBe(MODEL);
    expect(result.percent).toBe(100);
  }, 60_000);

  it('gives the same result for a file that names the same model', () => {
    const without = score(answersFile('without.json', { answers: ANSWERS }));
    const named = score(answersFile('named.json', { model: MODEL, answers: ANSWERS }));
    expect(named.status, named.stderr).toBe(0);
    expect(named.stdout).toBe(without.stdout);
  }, 60_000);

  it('refuses a file that names a different model, naming both, and nothing else', () => {
    const file = answersFile('other.json', { model: 'cmmm-2020', answers: ANSWERS });
    const run = score(file);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}: the answers are for model "cmmm-2020", but --model is "${MODEL}"`);
    expect(run.stderr).toContain('1 problem(s)');
  }, 60_000);

  it('refuses a "model" that is not a model id', () => {
    const run = score(answersFile('odd.json', { model: 7, answers: ANSWERS }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('"model" must be the id of a model pack (a string), got 7');
  }, 60_000);
});
