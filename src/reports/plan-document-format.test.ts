import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadIn, money, ordinal, percent, quoted } from './plan-document-format.ts';

describe('plan document formatting', () => {
  // the period labels (real quarters and years) are tested with their function, src/core/planning/plan-calendar.test.ts
  it('nests a quotation that holds quotes the Chinese way: ‘’ inside “”', () => {
    expect(`本企业属于${quoted('专精特新“小巨人”企业')}`).toBe('本企业属于“专精特新‘小巨人’企业”');
    expect(quoted('数据基础薄弱')).toBe('“数据基础薄弱”');
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
