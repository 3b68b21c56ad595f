import { describe, expect, it } from 'vitest';
import { testTenant } from '../../../tests/support/tenant.ts';
import { portfolioScope } from './load-portfolio.ts';
import { distributions, type ModelSummaryLookup } from './presenter.ts';

const lookup: ModelSummaryLookup = (modelId) =>
  modelId === 'sme'
    ? { title: { zh: '中小企业数字化水平', en: 'SME digital level' }, levelIds: ['L1', 'L2', 'L3', 'L4'] }
    : { title: null, levelIds: [] };

describe('portfolio level distribution', () => {
  it("groups by model (by id) and orders levels: no level first, then the model's order, then unknown ids", () => {
    const rows = [
      { modelId: 'sme', levelId: 'L3', levelName: '三级', enterprises: 2 },
      { modelId: 'other', levelId: 'A', levelName: 'A', enterprises: 1 },
      { modelId: 'sme', levelId: 'L9', levelName: '九级', enterprises: 1 },
      { modelId: 'sme', levelId: null, levelName: null, enterprises: 4 },
      { modelId: 'sme', levelId: 'L1', levelName: '一级', enterprises: 3 },
    ];
    const result = distributions(rows, lookup);
    expect(result.map((m) => m.modelId)).toEqual(['other', 'sme']);
    expect(result[0]).toEqual({
      modelId: 'other',
      modelTitle: null,
      levels: [{ level: { id: 'A', name: 'A' }, enterprises: 1 }],
    });
    expect(result[1]?.modelTitle?.en).toBe('SME digital level');
    expect(result[1]?.levels.map((l) => [l.level?.id ?? null, l.enterprises])).toEqual([
      [null, 4],
      ['L1', 3],
      ['L3', 2],
      ['L9', 1],
    ]);
  });

  it('is empty when no enterprise has submitted', () => {
    expect(distributions([], lookup)).toEqual([]);
  });
});

describe('portfolio scope', () => {
  it("is every enterprise for the platform's admins, everything below the organisation and own clients for other admins", () => {
    expect(portfolioScope({ id: testTenant('p'), kind: 'platform' }, 'admin', 'u')).toBe('all');
    for (const kind of ['service_provider', 'authority', 'association'] as const)
      expect(portfolioScope({ id: testTenant('x'), kind }, 'admin', 'u')).toEqual({
        rootId: 'x',
        memberUserId: 'u',
      });
  });

  it('is only the enterprises they belong to for editors and viewers, and 403 for any member of an enterprise', () => {
    for (const kind of ['platform', 'service_provider', 'authority', 'association'] as const)
      for (const role of ['editor', 'viewer'] as const)
        expect(portfolioScope({ id: testTenant('x'), kind }, role, 'u')).toEqual({
          rootId: null,
          memberUserId: 'u',
        });
    for (const role of ['admin', 'editor', 'viewer'] as const)
      expect(() => portfolioScope({ id: testTenant('e'), kind: 'enterprise' }, role, 'u')).toThrow(
        expect.objectContaining({ statusCode: 403 }),
      );
  });
});
