import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format-date.ts';

describe('dates in the UI language', () => {
  it('writes a calendar date as that day in either language, never as 31/03/2027', () => {
    expect(formatDate('2027-03-31', 'en')).toBe('31 Mar 2027');
    expect(formatDate('2027-03-31', 'zh')).toBe('2027年3月31日');
    expect(formatDate('2027-01-01', 'en')).toBe('1 Jan 2027');
  });

  it('writes a timestamp with its month in words, and the time where asked', () => {
    expect(formatDate('2026-12-02T10:00:00Z', 'en')).toMatch(/^[1-3]?\d Dec 2026$/);
    expect(formatDate('2026-12-02T10:00:00Z', 'zh')).toMatch(/^2026年12月[1-3]?\d日$/);
    expect(formatDateTime('2026-12-02T10:00:00Z', 'en')).toMatch(/^[1-3]?\d Dec 2026, \d\d:\d\d$/);
    expect(formatDateTime('2026-12-02T10:00:07Z', 'en', { seconds: true })).toMatch(
      /^[1-3]?\d Dec 2026, \d\d:\d\d:07$/,
    );
    expect(formatDateTime('2026-12-02T10:00:07Z', 'zh', { seconds: true })).toMatch(
      /^2026年12月[1-3]?\d日 \d\d:\d\d:07$/,
    );
  });

  it('shows a dash for no date and the text itself for an unreadable one', () => {
    expect(formatDate(null, 'en')).toBe('—');
    expect(formatDate(undefined, 'zh')).toBe('—');
    expect(formatDate('next spring', 'en')).toBe('next spring');
  });
});
