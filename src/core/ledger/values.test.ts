import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLedger, detectEncoding } from './encoding.ts';
import { excelSerialToIso, parseHeader, parseLedgerDate, parseLedgerNumber, toHalfWidth } from './values.ts';

describe('ledger numbers', () => {
  it('reads thousands separators, full-width digits, currency signs, brackets and percentages', () => {
    expect(parseLedgerNumber('1,234,567.89')).toBe(1234567.89);
    expect(parseLedgerNumber('１２，３４５．５')).toBe(12345.5);
    expect(parseLedgerNumber('¥1,000')).toBe(1000);
    expect(parseLedgerNumber('￥-20')).toBe(-20);
    expect(parseLedgerNumber('(1,000)')).toBe(-1000);
    expect(parseLedgerNumber(' 12.5% ')).toBeCloseTo(0.125);
    expect(parseLedgerNumber('-0.5')).toBe(-0.5);
    expect(parseLedgerNumber('1e3')).toBe(1000);
  });

  it('refuses what is not a number: bad grouping, two points, text, empty', () => {
    for (const s of ['1,23', '12,3456', '1.2.3', '十二', 'abc', '', '  ', '1-2', '--1'])
      expect([s, parseLedgerNumber(s)]).toEqual([s, undefined]);
  });

  it('reads back every number it prints with separators (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseLedgerNumber(n.toLocaleString('en-US'))).toBe(n);
        expect(
          parseLedgerNumber(String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))),
        ).toBe(n);
      }),
    );
  });

  it('turns full-width forms half-width', () => {
    expect(toHalfWidth('ＡＢ１２（３）　%')).toBe('AB12(3) %');
  });
});

describe('ledger dates', () => {
  it('reads the forms Chinese ledgers write, all to the same ISO date', () => {
    for (const s of [
      '2025-01-07',
      '2025/1/7',
      '2025.1.7',
      '2025年1月7日',
      '２０２５年１月７日',
      '20250107',
      '2025-1-7 08:30',
      '2025-01-07T08:30:00Z',
    ])
      expect([s, parseLedgerDate(s)]).toEqual([s, '2025-01-07']);
  });

  it('refuses dates that are not on the calendar, and serials unless asked', () => {
    for (const s of ['2025-02-30', '2025-13-01', '2023/2/29', '1/7/2025', 'yesterday', '45664', ''])
      expect([s, parseLedgerDate(s)]).toEqual([s, undefined]);
    expect(parseLedgerDate('2024/2/29')).toBe('2024-02-29');
    expect(parseLedgerDate('45664', { serials: true })).toBe('2025-01-07');
  });

  it('reads Excel serial numbers in the 1900 system, phantom 29 February included', () => {
    expect([1, 59, 60, 61, 45658, 45664.75].map(excelSerialToIso)).toEqual([
      '1900-01-01',
      '1900-02-28',
      undefined,
      '1900-03-01',
      '2025-01-01',
      '2025-01-07',
    ]);
  });
});

describe('headers with units', () => {
  it('splits the unit off a header and gives its factor to the common unit', () => {
    expect(parseHeader('销售成本（万元）')).toEqual({
      name: '销售成本',
      unit: '万元',
      common: '元',
      factor: 10000,
    });
    expect(parseHeader('金额(元)')).toEqual({ name: '金额', unit: '元', common: '元', factor: 1 });
    expect(parseHeader('停机时间/小时')).toEqual({
      name: '停机时间',
      unit: '小时',
      common: '分钟',
      factor: 60,
    });
    expect(parseHeader('重量（公斤）')).toEqual({ name: '重量', unit: '公斤' });
    expect(parseHeader('日期')).toEqual({ name: '日期' });
  });
});

describe('encodings', () => {
  const gbk = new Uint8Array([0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x0a]); // 日期,金额\n in GBK
  const utf8 = new TextEncoder().encode('日期,金额\n');

  it('tells UTF-8, UTF-8 with a BOM and GBK apart, and decodes each to the same text', () => {
    expect(detectEncoding(utf8)).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('utf-8-bom');
    expect(detectEncoding(gbk)).toBe('gb18030');
    for (const bytes of [utf8, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), gbk])
      expect(decodeLedger(bytes).text).toBe('日期,金额\n');
  });

  it('is not fooled by a UTF-8 character cut at the end of the sample', () => {
    expect(detectEncoding(utf8.subarray(0, 4))).toBe('utf-8'); // 日 and the first byte of 期
  });
});
