import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkSchema, formatProblem, parseYaml } from './yaml-source.ts';

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

describe('parseYaml fast path', () => {
  it('gives the same data as the positional parser for a valid document', () => {
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
