import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RISKS, defaultRiskRegister, defaultRiskText, localizeRisk } from './default-risks.ts';
import { IMPACT_SHARE, riskEntryProblems, summariseRisks } from './risk.ts';

describe('default risks', () => {
  it('are valid register entries with distinct ids and texts in both languages', () => {
    expect(DEFAULT_RISKS.map((r) => r.id)).toEqual(['R1', 'R2', 'R3']);
    for (const risk of DEFAULT_RISKS)
      for (const lang of ['zh', 'en'] as const)
        expect(
          riskEntryProblems({ ...risk, title: risk.title[lang], mitigation: risk.mitigation[lang] }),
        ).toEqual([]);
    const texts = DEFAULT_RISKS.flatMap((r) => [r.title.zh, r.title.en, r.mitigation.zh, r.mitigation.en]);
    expect(new Set(texts).size).toBe(texts.length);
    for (const r of DEFAULT_RISKS) expect(r.title.en).not.toMatch(/[\u4e00-\u9fff]/u);
  });

  it('translates a default text from either language, and leaves any other text as typed', () => {
    const [first] = DEFAULT_RISKS;
    expect(defaultRiskText(first!.title.zh, 'en')).toBe(first!.title.en);
    expect(defaultRiskText(` ${first!.mitigation.en}`, 'zh')).toBe(first!.mitigation.zh);
    expect(defaultRiskText(first!.title.zh, 'zh')).toBe(first!.title.zh);
    expect(defaultRiskText(`${first!.title.zh}。`, 'en')).toBe(`${first!.title.zh}。`);
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('zh' as const, 'en' as const), (text, lang) => {
        const known = DEFAULT_RISKS.some((r) =>
          [r.title.zh, r.title.en, r.mitigation.zh, r.mitigation.en].includes(text.trim()),
        );
        if (!known) expect(defaultRiskText(text, lang)).toBe(text);
      }),
    );
  });

  it('localizes title and mitigation separately and keeps every other field', () => {
    const [, second] = DEFAULT_RISKS;
    const entry = {
      id: 'R2',
      title: '自定义风险',
      mitigation: second!.mitigation.zh,
      likelihood: 4,
      impact: 5,
      initiativeId: 'I1',
      score: 20,
    };
    expect(localizeRisk(entry, 'en')).toEqual({ ...entry, mitigation: second!.mitigation.en });
  });
});

describe('defaultRiskRegister: the default risks linked to the initiatives they threaten', () => {
  const candidates = [
    { id: 'A', cost: 100, annualBenefit: 10, duration: 2 },
    { id: 'B', cost: 50, annualBenefit: 80, duration: 1 },
    { id: 'C', cost: 60, annualBenefit: 5, duration: 4 },
  ];

  it('links R1 to the costliest, R2 to the most benefit, R3 to the longest, each with an exposure', () => {
    const register = defaultRiskRegister(candidates);
    expect(register.map((r) => [r.id, r.initiativeId])).toEqual([
      ['R1', 'A'],
      ['R2', 'B'],
      ['R3', 'C'],
    ]);
    // exposure = the initiative's cost × the impact's share; expected loss = probability × exposure
    expect(register[0]?.exposure).toBe(100 * IMPACT_SHARE[4]);
    const summary = summariseRisks(register);
    expect(summary.expectedLoss).toBeCloseTo(0.5 * 35 + 0.5 * 50 * 0.2 + 0.3 * 60 * 0.35, 6);
    expect(Object.keys(summary.expectedLossByInitiative).sort()).toEqual(['A', 'B', 'C']);
  });

  it('takes another initiative for each risk while there is one, and reuses one only when none is left', () => {
    const one = defaultRiskRegister([{ id: 'X', cost: 40, annualBenefit: 1, duration: 1 }]);
    expect(one.map((r) => r.initiativeId)).toEqual(['X', 'X', 'X']);
    for (const r of one) expect(r.exposure).toBeGreaterThan(0);
  });

  it('without candidates, the risks are plan-wide and carry no exposure', () => {
    for (const r of defaultRiskRegister([])) {
      expect(r.initiativeId).toBeUndefined();
      expect(r.exposure).toBeUndefined();
    }
  });
});
