import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RISKS, defaultRiskText, localizeRisk } from './default-risks.ts';
import { riskEntryProblems } from './risk.ts';

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
