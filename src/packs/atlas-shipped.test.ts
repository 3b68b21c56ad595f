import { describe, expect, it } from 'vitest';
import { loadAtlasPacks } from './atlas-load.ts';
import { formatProblem } from './yaml-source.ts';

// CI guard on the shipped content: every pack under packs/atlas loads with zero problems.
describe('shipped atlas packs (packs/atlas)', () => {
  it('load with zero problems, and guide-2024 has the 21 scenarios of the guide in its six categories', async () => {
    const r = await loadAtlasPacks('packs/atlas');
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
    if (!r.ok) return;
    const guide = r.catalog.get('guide-2024');
    expect(guide).toBeDefined();
    if (!guide) return;
    expect(guide.scenarios).toHaveLength(21);
    expect(guide.vocabulary.categories).toHaveLength(6);
    const perCategory = new Map<string, number>();
    for (const s of guide.scenarios) perCategory.set(s.category, (perCategory.get(s.category) ?? 0) + 1);
    expect([...perCategory.keys()].sort()).toEqual(guide.vocabulary.categories.map((c) => c.id).sort());
    // 附件1 二: 研发设计 4, 生产制造 6, 运维服务 2, 经营管理 3, 供应链管理 4, 跨环节协同 2
    expect(guide.vocabulary.categories.map((c) => [c.code, perCategory.get(c.id)])).toEqual([
      ['RD', 4],
      ['PM', 6],
      ['OM', 2],
      ['BM', 3],
      ['SC', 4],
      ['CX', 2],
    ]);
  });
});
