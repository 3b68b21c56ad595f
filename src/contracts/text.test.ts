import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DisplayName,
  displayName,
  findInvisibleCharacter,
  FULL_WIDTH_PUNCTUATION,
  normaliseName,
} from './text.ts';

const FORMAT = /\p{Cf}/u;

describe('display names', () => {
  it('normalises to NFKC, one space between words, trimmed', () => {
    expect(DisplayName.parse('ＡＢＣ')).toBe('ABC');
    expect(DisplayName.parse('  某某\u3000机械  有限公司 ')).toBe('某某 机械 有限公司');
    expect(DisplayName.parse('李工')).toBe('李工');
    expect(DisplayName.parse('ＡＢＣ（中国）有限公司，一厂：１号')).toBe('ABC（中国）有限公司，一厂：1号');
  });

  it('refuses invisible characters, naming the character and its position', () => {
    const refused = displayName('name', 200).safeParse('ab\u202Ecd');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(
      'name has the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at position 3; type the name without it',
    );
    for (const ch of [
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\ufeff',
      '\u061c',
      '\u200e',
      '\u200f',
      '\u2066',
      '\u2069',
      '\u00ad',
      '\u0000',
      '\n',
      '\u2028',
    ])
      expect(DisplayName.safeParse(`a${ch}b`).success, `U+${ch.codePointAt(0)!.toString(16)}`).toBe(false);
  });

  it('refuses an empty or overlong name after normalising', () => {
    expect(DisplayName.safeParse(' \u3000 ').success).toBe(false);
    expect(displayName('name', 3).safeParse('ＡＢＣＤ').error?.issues[0]?.message).toBe(
      'name has at most 3 characters',
    );
  });

  it('keeps what it accepts NFKC-stable (but for full-width punctuation) and free of format characters (property)', () => {
    const fullWidth = fc.constantFrom('（', '）', '，', '：', 'Ａ', '１', '\u3000', 'ｶ', 'ﬁ');
    const text = fc
      .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fullWidth), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const parsed = DisplayName.safeParse(s);
        if (!parsed.success) return;
        const name = parsed.data;
        expect(normaliseName(name)).toBe(name);
        // split keeps the punctuation at odd places; every text between is NFKC-stable
        const parts = name.split(FULL_WIDTH_PUNCTUATION).filter((_, i) => i % 2 === 0);
        for (const part of parts) expect(part.normalize('NFKC')).toBe(part);
        expect(name).not.toMatch(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000]/u);
        expect(FORMAT.test(name)).toBe(false);
        expect(FORMAT.test(name.normalize('NFKC'))).toBe(false);
        expect(findInvisibleCharacter(name)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every name without invisible characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), (s) => {
        const visible = findInvisibleCharacter(s) === null && normaliseName(s) !== '';
        expect(DisplayName.safeParse(s).success).toBe(visible && normaliseName(s).length <= 200);
      }),
    );
  });
});
