/**
 * Hostile input to the indicator-system pack loader (issue 18), beside the 10,000 atlas packs of
 * pack-parser-*.property.test.ts: two small shipped packs (a checklist and a points system), their files replaced by
 * arbitrary text or edited line by line or value by value (tests/support/atlas-pack-arbitraries.ts), written to a
 * folder and read by loadIndicatorSystemPack as `tupu pack validate` and the server do. Nothing throws, each pack is
 * read within a bounded time, and a refusal is a list of `file:line: message` naming a file of the pack and a line
 * inside it. 2,000 packs: each one is written to disk and read back (~4 ms).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyText, lineEdit, valueEdit } from '../../tests/support/atlas-pack-arbitraries.ts';
import { loadIndicatorSystemPack } from './model-load.ts';
import { formatProblem } from './yaml-source.ts';

/**
 * The whole run's limit, far above its ~10 s alone: on a machine busy with other work it took over 30 s. Each input
 * has its own bound.
 */
const PROPERTY_TIMEOUT_MS = 180_000;

const PACKS = {
  'iii-grading-2022': ['pack.yaml', 'checklist.yaml'],
  siri: ['pack.yaml', 'indicators.yaml', 'levels.yaml'],
} as const;
type PackId = keyof typeof PACKS;
const textOf = (id: PackId, file: string) => readFileSync(join('packs/models', id, file), 'utf8');
const BOUND_MS = 2_000;
const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

/** One pack's files: each valid, left out, replaced by arbitrary text, or edited line by line or value by value. */
const packFiles = (id: PackId): fc.Arbitrary<[PackId, (string | undefined)[]]> =>
  fc
    .tuple(
      ...PACKS[id].map((file) => {
        const valid = textOf(id, file);
        return fc.oneof(
          { weight: 2, arbitrary: fc.constant(valid) },
          { weight: 1, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: anyText },
          { weight: 2, arbitrary: lineEdit(valid) },
          { weight: 2, arbitrary: valueEdit(valid) },
        );
      }),
    )
    .map((texts): [PackId, (string | undefined)[]] => [id, texts]);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tupu-hostile-model-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the indicator-system pack loader under hostile files (2,000 generated packs)', () => {
  it('loads the two packs the generated ones start from', async () => {
    for (const id of Object.keys(PACKS) as PackId[])
      expect((await loadIndicatorSystemPack(join('packs/models', id))).ok).toBe(true);
  });

  it(
    'never throws or hangs, and every refusal is file:line: message inside the pack',
    { timeout: PROPERTY_TIMEOUT_MS },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(packFiles('iii-grading-2022'), packFiles('siri')), async ([id, texts]) => {
          const folder = join(dir, id);
          await rm(folder, { recursive: true, force: true });
          await mkdir(folder, { recursive: true });
          const files: string[] = PACKS[id].slice();
          await Promise.all(
            files.map((file, i) =>
              texts[i] === undefined ? Promise.resolve() : writeFile(join(folder, file), texts[i]),
            ),
          );
          const started = performance.now();
          const result = await loadIndicatorSystemPack(folder, id);
          const elapsed = performance.now() - started;
          if (elapsed >= BOUND_MS) expect(elapsed).toBeLessThan(BOUND_MS);
          if (result.ok) return;
          expect(result.problems.length).toBeGreaterThan(0);
          const unnamed = result.problems.filter((p) => {
            const i = files.findIndex((f) => p.file === join(id, f));
            const text = i >= 0 ? texts[i] : undefined;
            return (
              i < 0 ||
              !Number.isInteger(p.line) ||
              p.line < 1 ||
              p.line > Math.max(1, (text === undefined ? 0 : lineCount(text)) + 1) ||
              p.message.trim() === '' ||
              !/^[\w./-]+\.yaml:\d+: \S/.test(formatProblem(p))
            );
          });
          if (unnamed.length > 0) expect(unnamed.map(formatProblem)).toEqual([]);
        }),
        { numRuns: 2_000 },
      );
    },
  );
});
