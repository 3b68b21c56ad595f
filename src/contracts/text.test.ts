import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DisplayName, displayName, findInvisibleCharacter, normaliseName } from './text.ts';

const FORMAT = /\p{Cf}/u;

describe('display names', () => {
  it('normalises to NFKC, one space between words, trimmed', () => {
    expect(DisplayName.parse('ＡＢＣ')).toBe('ABC');
    expect(DisplayName.parse('  某某\u3000机械  有限公司 ')).toBe('某某 机械 有限公司');
    expect(DisplayName.parse('李工')).toBe('李工');
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

  it('keeps what it accepts NFKC-stable and free of format characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const parsed = DisplayName.safeParse(s);
        if (!parsed.success) return;
        expect(parsed.data.normalize('NFKC')).toBe(parsed.data);
        expect(normaliseName(parsed.data)).toBe(parsed.data);
        expect(FORMAT.test(parsed.data)).toBe(false);
        expect(findInvisibleCharacter(parsed.data)).toBeNull();
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
