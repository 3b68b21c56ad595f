import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadIn, money, ordinal, percent, periodLabel, periodShort } from './plan-document-format.ts';

describe('plan document formatting', () => {
  it('labels periods by year and quarter, half, month or plain period', () => {
    expect(periodLabel(0, 4, 'zh')).toBe('第1年Q1');
    expect(periodLabel(5, 4, 'en')).toBe('Y2 Q2');
    expect(periodLabel(13, 12, 'zh')).toBe('第2年2月');
    expect(periodLabel(2, 1, 'zh')).toBe('第3年');
    expect(periodLabel(3, 2, 'en')).toBe('Y2 H2');
    expect(periodLabel(6, 3, 'zh')).toBe('第7期');
    expect(periodShort(7, 4)).toBe('Y2Q4');
  });

  it('period labels are distinct within a horizon', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3, 4, 6, 12), fc.integer({ min: 1, max: 60 }), (ppy, periods) => {
        const labels = Array.from({ length: periods }, (_, t) => periodLabel(t, ppy, 'zh'));
        expect(new Set(labels).size).toBe(periods);
      }),
    );
  });

  it('numbers: one decimal at most, thousands separators, no negative zero; percent and ordinals', () => {
    expect(money(1234.56)).toBe('1,234.6');
    expect(money(-0.01)).toBe('0');
    expect(percent(0.8541)).toBe('85.4%');
    expect(percent(null)).toBe('—');
    expect([0, 9, 10, 14].map((k) => ordinal(k, 'zh'))).toEqual(['一', '十', '十一', '十五']);
    expect(ordinal(2, 'en')).toBe('3');
  });

  it('finds a short lead-in label, not a sentence', () => {
    expect(leadIn('组织保障：成立领导小组')).toEqual({ label: '组织保障：', rest: '成立领导小组' });
    expect(leadIn('组织保障： 成立领导小组')).toEqual({ label: '组织保障：', rest: '成立领导小组' });
    expect(leadIn('Funding: 615 over the horizon')).toEqual({
      label: 'Funding:',
      rest: ' 615 over the horizon',
    });
    expect(leadIn('Vision (edited): text')).toEqual({ label: 'Vision (edited):', rest: ' text' });
    expect(leadIn('规划期 2 年（8 个季度）。规划选定：9 个')).toBeUndefined();
    expect(leadIn('The horizon is two years long: that is all')).toBeUndefined();
  });

  it('a lead-in drops nothing but one space after a full-width colon', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', '组', ' ', ':', '：', '.', '，', '\t') });
    fc.assert(
      fc.property(text, (line) => {
        const lead = leadIn(line);
        if (lead === undefined) return;
        const dropped = line.length - lead.label.length - lead.rest.length;
        expect(line.startsWith(lead.label)).toBe(true);
        expect(line.endsWith(lead.rest)).toBe(true);
        expect(dropped).toBe(lead.label.endsWith('：') && /^\s/u.test(line.slice(lead.label.length)) ? 1 : 0);
      }),
    );
  });
});
