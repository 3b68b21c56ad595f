import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTempDir } from '../../tests/support/temp-dir.ts';
import { loadAtlasPack } from './atlas-load.ts';
import { loadIndicatorSystemPack } from './model-load.ts';
import { checkSchema, formatProblem, parseYaml, readYaml } from './yaml-source.ts';

describe('parseYaml', () => {
  it('reports a syntax error with its line', () => {
    const r = parseYaml('a.yaml', 'a: 1\nb: [1, 2\nc: 3\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects duplicate keys', () => {
    const r = parseYaml('a.yaml', 'a: 1\na: 2\n');
    expect(r.ok).toBe(false);
  });

  it('points schema issues at the offending line', () => {
    const r = parseYaml('s.yaml', 'items:\n  - name: ok\n  - name: 3\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const checked = checkSchema(r.source, z.object({ items: z.array(z.object({ name: z.string() })) }));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toHaveLength(1);
    expect(formatProblem(checked.problems[0]!)).toMatch(/^s\.yaml:3: items\.1\.name: /);
  });

  it('points a missing key at its parent', () => {
    const r = parseYaml('m.yaml', 'a: 1\nobj:\n  x: 1\n');
    if (!r.ok) throw new Error('parse failed');
    const checked = checkSchema(
      r.source,
      z.object({ a: z.number(), obj: z.object({ x: z.number(), y: z.number() }) }),
    );
    if (checked.ok) throw new Error('should fail');
    expect(checked.problems[0]?.line).toBe(3);
  });
});

describe('parseYaml data and lines', () => {
  it('gives the data of a valid document and the line of each value', () => {
    const text = 'a: 1\nlist:\n  - { zh: 设备运行数据, en: Equipment data }\n  - "2"\nflag: true\n';
    const r = parseYaml('f.yaml', text);
    if (!r.ok) throw new Error('parse failed');
    expect(r.source.data).toEqual({
      a: 1,
      list: [{ zh: '设备运行数据', en: 'Equipment data' }, '2'],
      flag: true,
    });
    expect(r.source.lineOf(['list', 1])).toBe(4);
  });

  it('still reports a duplicate key or a tab-indented block with its line', () => {
    const r = parseYaml('d.yaml', 'x: 1\ny:\n  z: 1\n  z: 2\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.line).toBe(4);
  });
});

describe('one YAML reading for every pack reader', () => {
  const dir = useTempDir('tupu-yaml-dates-');
  /** A copy of a pack folder with its title's Chinese replaced by the unquoted date-like scalar 2024-01-01. */
  const withDateTitle = async (from: string, name: string, zh: string): Promise<string> => {
    const to = join(dir, name);
    await cp(from, to, { recursive: true });
    const meta = join(to, 'pack.yaml');
    const text = await readFile(meta, 'utf8');
    if (!text.includes(`  zh: ${zh}\n`)) throw new Error(`${meta} has no title ${zh}`);
    await writeFile(meta, text.replace(`  zh: ${zh}\n`, '  zh: 2024-01-01\n'));
    return to;
  };

  it('reads d: 2024-01-01 as the string "2024-01-01" (pack data is plain data), however it is read', async () => {
    const text = 'd: 2024-01-01\nt: 2024-01-01T08:00:00Z\n';
    const parsed = parseYaml('d.yaml', text);
    if (!parsed.ok) throw new Error('parse failed');
    expect(parsed.source.data).toEqual({ d: '2024-01-01', t: '2024-01-01T08:00:00Z' });
    expect(parsed.source.lineOf(['t'])).toBe(2); // the same reading keeps the lines
    const file = join(dir, 'd.yaml');
    await writeFile(file, text);
    const read = await readYaml(file);
    if (!read.ok) throw new Error('read failed');
    expect(read.source.data).toEqual(parsed.source.data);
  });

  it('loads an atlas pack and a model pack whose title is a date-like scalar, as that text', async () => {
    const atlasDir = await withDateTitle('src/packs/fixtures/atlas/good/base', 'atlas', '测试基础图谱');
    const atlas = await loadAtlasPack(atlasDir);
    if (!atlas.ok) throw new Error(atlas.problems.map(formatProblem).join('\n'));
    expect(atlas.atlas.meta.title.zh).toBe('2024-01-01');

    const modelDir = await withDateTitle(
      'packs/models/ics-security-2024',
      'model',
      '工业控制系统网络安全防护指南（2024）',
    );
    const model = await loadIndicatorSystemPack(modelDir);
    if (!model.ok) throw new Error(model.problems.map(formatProblem).join('\n'));
    expect(model.model.meta.title.zh).toBe('2024-01-01');
  });
});
