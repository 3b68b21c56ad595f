/** Calendar periods of KPI computation: a month `2025-01`, a quarter `2025-Q1`, a year `2025`. */
import type { Period } from './catalogue-schema.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The period holding an ISO date (YYYY-MM-DD); undefined for text that is not a real date. */
export function periodOf(date: string, period: Period): string | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (period === 'year') return String(y);
  if (period === 'quarter') return `${y}-Q${Math.ceil(mo / 3)}`;
  return `${y}-${String(mo).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function parseKey(key: string): { y: number; period: Period; n: number } {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return { y: Number(q[1]), period: 'quarter', n: Number(q[2]) };
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return { y: Number(m[1]), period: 'month', n: Number(m[2]) };
  if (/^\d{4}$/.test(key)) return { y: Number(key), period: 'year', n: 1 };
  throw new Error(`not a period: ${key}`);
}

/** The number of days in a period. */
export function periodDays(key: string): number {
  const { y, period, n } = parseKey(key);
  if (period === 'year') return isLeap(y) ? 366 : 365;
  if (period === 'month') return daysInMonth(y, n);
  return [1, 2, 3].reduce((s, k) => s + daysInMonth(y, (n - 1) * 3 + k), 0);
}

/** The period before: 2025-01 → 2024-12, 2025-Q1 → 2024-Q4, 2025 → 2024. */
export function previousPeriod(key: string): string {
  const { y, period, n } = parseKey(key);
  if (period === 'year') return String(y - 1);
  if (period === 'quarter') return n === 1 ? `${y - 1}-Q4` : `${y}-Q${n - 1}`;
  return n === 1 ? `${y - 1}-12` : `${y}-${String(n - 1).padStart(2, '0')}`;
}

const ORDER: Record<Period, number> = { month: 0, quarter: 1, year: 2 };

/** Can a KPI whose finest period is `finest` be computed per `wanted`? (a month KPI per quarter, not the reverse) */
export function coarserOrEqual(wanted: Period, finest: Period): boolean {
  return ORDER[wanted] >= ORDER[finest];
}

/** Whether a period key is a month, a quarter or a year; undefined for text that is none. */
export function periodKind(key: string): Period | undefined {
  try {
    return parseKey(key).period;
  } catch {
    return undefined;
  }
}

/** The first and last ISO date of a period: 2025-Q1 → 2025-01-01 … 2025-03-31. */
export function periodBounds(key: string): { from: string; to: string } {
  const { y, period, n } = parseKey(key);
  const [first, last] =
    period === 'year' ? [1, 12] : period === 'quarter' ? [(n - 1) * 3 + 1, n * 3] : [n, n];
  const pad = (x: number) => String(x).padStart(2, '0');
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(daysInMonth(y, last))}` };
}
