import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addedOptions, clipText, optionLabels } from './option-labels.ts';
import type { PointsIndicatorSystem } from './model-schema.ts';
import { tinyPointsIndicatorSystem } from './test-models.ts';

/** The tiny model with English for one option of Q1 and a long text on Q2's B. */
function model(): PointsIndicatorSystem {
  const m = tinyPointsIndicatorSystem();
  const [q1, q2] = m.dimensions.flatMap((d) => d.indicators.flatMap((i) => i.questions));
  if (q1?.type !== 'single' || q2?.type !== 'multi') throw new Error('fixture');
  q1.options[2]!.text = { zh: '好', en: 'Good' };
  q2.options[1]!.text = {
    zh: '车间建成工控网络，支持自动化控制应用',
    en: 'Industrial control network in the workshops, supporting automated control applications',
  };
  return m;
}

describe('optionLabels', () => {
  it("labels a single choice's letter with its text in the language asked for, Chinese without English", () => {
    const m = model();
    expect(optionLabels(m, 'Q1', 'C', 'zh')).toEqual([{ id: 'C', text: '好', short: '好', lang: 'zh' }]);
    expect(optionLabels(m, 'Q1', 'C', 'en')).toEqual([{ id: 'C', text: 'Good', short: 'Good', lang: 'en' }]);
    // B has no English: its Chinese, marked as Chinese
    expect(optionLabels(m, 'Q1', 'B', 'en')).toEqual([{ id: 'B', text: '一般', short: '一般', lang: 'zh' }]);
  });

  it("labels a multiple choice's letters in order, clipping long texts and keeping the full text", () => {
    const [b, c] = optionLabels(model(), 'Q2', ['B', 'C'], 'zh') ?? [];
    expect(b).toEqual({
      id: 'B',
      text: '车间建成工控网络，支持自动化控制应用',
      short: '车间建成工控网络，支持自动…',
      lang: 'zh',
    });
    expect(c?.text).toBe('c');
    const [en] = optionLabels(model(), 'Q2', ['B'], 'en') ?? [];
    expect(en?.short).toBe('Industrial control network…');
    expect(en?.text).toMatch(/automated control applications$/);
  });

  it('answers null for what is not a choice question or not letters: the caller shows those as before', () => {
    const m = model();
    expect(optionLabels(m, 'Q3', 35, 'zh')).toBeNull(); // ratio
    expect(optionLabels(m, 'Q3', 'B', 'zh')).toBeNull(); // a ratio question has no options
    expect(optionLabels(m, 'S1', 2, 'zh')).toBeNull(); // scene level
    expect(optionLabels(m, 'Q1', null, 'zh')).toBeNull();
    expect(optionLabels(m, 'Q2', [], 'zh')).toBeNull();
    expect(optionLabels(m, 'nope', 'B', 'zh')).toBeNull();
  });

  it('keeps a letter the question does not have as it is', () => {
    expect(optionLabels(model(), 'Q1', 'Z', 'zh')).toEqual([{ id: 'Z', text: 'Z', short: 'Z', lang: 'zh' }]);
  });
});

describe('clipText', () => {
  it('never exceeds the width, keeps short texts whole and marks a cut with …', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.integer({ min: 2, max: 30 }),
        fc.boolean(),
        (s, max, en) => {
          const lang = en ? 'en' : 'zh';
          const out = clipText(s, max, lang);
          const limit = max * (en ? 2 : 1);
          if (s.length <= limit) expect(out).toBe(s);
          else {
            expect(out.endsWith('…')).toBe(true);
            expect(out.length).toBeLessThanOrEqual(limit);
          }
        },
      ),
    );
  });
});

describe('addedOptions', () => {
  it('lists the letters a change of a multiple choice adds', () => {
    expect(addedOptions(['B', 'C'], ['B', 'C', 'D', 'E'])).toEqual(['D', 'E']);
    expect(addedOptions('C', 'E')).toBeNull();
    // 无 (A) replaced by other options is a new answer, not an addition
    expect(addedOptions(['A'], ['B', 'C'])).toBeNull();
  });
});
