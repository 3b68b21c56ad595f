import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from './csv-row.ts';
import { FORMULA_MARKER, needsFormulaMarker, neutraliseCellText, restoreCellText } from './neutralise.ts';

/** What Excel and LibreOffice read as the start of a formula (and LF, which an .xlsx file makes of CR). */
const FORMULA_START = ['=', '+', '-', '@', '\t', '\r', '\n'];

/** Texts built to hit the edges: formula starters, apostrophes and ordinary characters, in any order. */
const edgyText = fc
  .array(fc.constantFrom(...FORMULA_START, "'", 'a', '1', ' ', '明', '"', ','), { maxLength: 8 })
  .map((cs) => cs.join(''));
const anyText = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), edgyText);

describe('neutraliseCellText', () => {
  it.each(FORMULA_START)('puts an apostrophe in front of text starting with %j', (c) => {
    expect(neutraliseCellText(`${c}1+1`)).toBe(`'${c}1+1`);
    expect(neutraliseCellText(c)).toBe(`'${c}`);
  });

  it('marks the usual attacks, and numbers written as text', () => {
    expect(neutraliseCellText('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(neutraliseCellText('+1+1')).toBe("'+1+1");
    expect(neutraliseCellText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCellText('-2+3')).toBe("'-2+3");
    expect(neutraliseCellText('-5')).toBe("'-5");
    expect(neutraliseCellText("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
  });

  it('leaves every other text as it is: a formula character later on, a space first, an apostrophe before a letter', () => {
    for (const text of ['', 'a=1', '明远精密机械', ' =1', "'hello", "''", '1-2', 'x@y.cn', '＝1', '−5', '——'])
      expect(neutraliseCellText(text)).toBe(text);
  });

  it('gives one more apostrophe to text that already starts with apostrophes before a formula character', () => {
    expect(neutraliseCellText("'=1")).toBe("''=1");
    expect(neutraliseCellText("''+x")).toBe("'''+x");
  });

  it('never leaves text a spreadsheet reads as a formula, and adds the marker only in front', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = neutraliseCellText(s);
        expect(FORMULA_START.includes(out.charAt(0))).toBe(false);
        expect(out === s || out === FORMULA_MARKER + s).toBe(true);
        expect(out !== s).toBe(needsFormulaMarker(s));
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('restoreCellText', () => {
  it('takes the marker off what neutraliseCellText marked', () => {
    expect(restoreCellText(`'=HYPERLINK("http://evil","x")`)).toBe('=HYPERLINK("http://evil","x")');
    expect(restoreCellText("'-2+3")).toBe('-2+3');
    expect(restoreCellText("'\tx")).toBe('\tx');
    expect(restoreCellText("''=1")).toBe("'=1");
  });

  it('leaves text it could not have come from: an apostrophe before a letter, a lone apostrophe, no marker', () => {
    for (const text of ["'hello", "'", "''", '=1', '-2', '', "'明远", ' ' + "'=1"])
      expect(restoreCellText(text)).toBe(text);
  });

  it('gives back exactly the text that was neutralised, for any text', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(restoreCellText(neutraliseCellText(s))).toBe(s);
      }),
      { numRuns: 10_000 },
    );
  });

  it('is the identity on every text neutraliseCellText leaves alone', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        if (!needsFormulaMarker(s)) expect(restoreCellText(s)).toBe(s);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('csvField and csvRow', () => {
  it('quotes text after neutralising it, doubling quotes', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('明远\n二行')).toBe('"明远\n二行"');
    expect(csvField('')).toBe('""');
  });

  it('writes numbers as numbers, negative ones too, booleans as TRUE/FALSE and empty cells as nothing', () => {
    expect(csvRow([-2, 3.5, 0, true, false, null, undefined, Number.NaN, '-2'])).toBe(
      `-2,3.5,0,TRUE,FALSE,,,,"'-2"\r\n`,
    );
  });

  it('never writes a text field whose first character inside the quotes starts a formula', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const field = csvField(s);
        expect(field.startsWith('"') && field.endsWith('"')).toBe(true);
        expect(FORMULA_START.includes(field.charAt(1))).toBe(false);
        expect(restoreCellText(field.slice(1, -1).replaceAll('""', '"'))).toBe(s);
      }),
      { numRuns: 10_000 },
    );
  });
});
