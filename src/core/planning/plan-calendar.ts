/**
 * Plans in calendar time: a plan starts in a quarter (`PlanStart`), and its periods — quarters by default, or
 * whatever `periodsPerYear` makes them — follow one another without gaps. `periodLabel` is the one wording of a
 * period for the web app, the plan document and its charts alike: 2027年Q1 / 2027 Q1, 2027年上半年 / 2027 H1,
 * 2027年 / 2027, 2027年3月 / Mar 2027; a period that does not line up with quarters, half-years or years names its
 * first and last quarter or month (2027年Q2—Q3 / 2027 Q2–Q3).
 */

/** The quarter a plan's first period starts in. */
export interface PlanStart {
  readonly year: number;
  /** 1 … 4 */
  readonly quarter: number;
}

/** The quarter after the one `today` falls in (UTC): where a new plan starts unless the planner says otherwise. */
export function nextQuarter(today: Date): PlanStart {
  const quarter = Math.floor(today.getUTCMonth() / 3) + 1;
  return quarter === 4
    ? { year: today.getUTCFullYear() + 1, quarter: 1 }
    : { year: today.getUTCFullYear(), quarter: quarter + 1 };
}

/** Months of a period counted from January of year 0: the first month and the month after the last. */
export interface PeriodSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * The months a 0-based period covers. Periods of 12 / periodsPerYear months each (not a whole number of months when
 * 12 is not a multiple of periodsPerYear: each period then starts in the month its fraction of the year falls in).
 */
export function periodSpan(start: PlanStart, periodsPerYear: number, period: number): PeriodSpan {
  const first = start.year * 12 + (start.quarter - 1) * 3;
  const at = (k: number) => first + Math.floor((k * 12) / periodsPerYear);
  return { from: at(period), to: at(period + 1) };
}

/** The calendar year a 0-based period starts in. */
export function periodYear(start: PlanStart, periodsPerYear: number, period: number): number {
  return Math.floor(periodSpan(start, periodsPerYear, period).from / 12);
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function quarterName(month: number, lang: 'zh' | 'en', withYear: boolean): string {
  const year = Math.floor(month / 12);
  const q = `Q${Math.floor((month % 12) / 3) + 1}`;
  if (!withYear) return q;
  return lang === 'zh' ? `${year}年${q}` : `${year} ${q}`;
}

function monthName(month: number, lang: 'zh' | 'en', withYear: boolean): string {
  const year = Math.floor(month / 12);
  const m = month % 12;
  if (lang === 'zh') return withYear ? `${year}年${m + 1}月` : `${m + 1}月`;
  return withYear ? `${MONTHS_EN[m]} ${year}` : (MONTHS_EN[m] ?? '');
}

/**
 * The label of a 0-based period in calendar time, in Chinese or English. Quarter-long periods: 2027年Q1 / 2027 Q1;
 * half-years: 2027年上半年 / 2027 H1; years: 2027年 / 2027; months: 2027年3月 / Mar 2027. A period of whole quarters
 * that is not a half-year or year of the calendar: its first and last quarter (2027年Q4—2028年Q1 / 2027 Q4–2028 Q1);
 * of whole months: its first and last month (2027年1—4月 / Jan–Apr 2027); else the month it starts in
 * (2027年3月起 / from Mar 2027).
 */
export function periodLabel(
  start: PlanStart,
  periodsPerYear: number,
  period: number,
  lang: 'zh' | 'en',
): string {
  const { from, to } = periodSpan(start, periodsPerYear, period);
  const year = Math.floor(from / 12);
  const length = to - from;
  const last = to - 1;
  const sameYear = Math.floor(last / 12) === year;
  const dash = lang === 'zh' ? '—' : '–';
  if (12 % periodsPerYear !== 0)
    return lang === 'zh' ? `${monthName(from, 'zh', true)}起` : `from ${monthName(from, 'en', true)}`;
  if (length === 12 && from % 12 === 0) return lang === 'zh' ? `${year}年` : String(year);
  if (length === 6 && from % 6 === 0) {
    const half = from % 12 === 0 ? 1 : 2;
    return lang === 'zh' ? `${year}年${half === 1 ? '上' : '下'}半年` : `${year} H${half}`;
  }
  if (length === 3 && from % 3 === 0) return quarterName(from, lang, true);
  if (length === 1) return monthName(from, lang, true);
  if (length % 3 === 0 && from % 3 === 0)
    return `${quarterName(from, lang, true)}${dash}${quarterName(last, lang, !sameYear)}`;
  if (lang === 'zh')
    return sameYear
      ? `${year}年${(from % 12) + 1}${dash}${(last % 12) + 1}月`
      : `${monthName(from, 'zh', true)}${dash}${monthName(last, 'zh', true)}`;
  return sameYear
    ? `${monthName(from, 'en', false)}${dash}${monthName(last, 'en', true)}`
    : `${monthName(from, 'en', true)}${dash}${monthName(last, 'en', true)}`;
}

/**
 * Periods `first` … `last` (0-based) as one range: 2027年Q1—2028年Q4 / 2027 Q1–2028 Q4, the year said once when both
 * ends are in it (2027年Q1—Q3 / 2027 Q1–Q3); one period: its label.
 */
export function periodRangeLabel(
  start: PlanStart,
  periodsPerYear: number,
  first: number,
  last: number,
  lang: 'zh' | 'en',
): string {
  const from = periodLabel(start, periodsPerYear, first, lang);
  if (last <= first) return from;
  const to = periodLabel(start, periodsPerYear, last, lang);
  const year = lang === 'zh' ? /^(\d{4}年)(.+)$/u : /^(\d{4} )(.+)$/u;
  const a = year.exec(from);
  const b = year.exec(to);
  const dash = lang === 'zh' ? '—' : '–';
  if (/[—–]/u.test(from + to)) {
    // an end that is a range itself (a half-year from Q2 …): the range from the first quarter or month to the last
    const begin = periodSpan(start, periodsPerYear, first).from;
    const end = periodSpan(start, periodsPerYear, last).to - 1;
    const sameYear = Math.floor(begin / 12) === Math.floor(end / 12);
    return begin % 3 === 0 && (end + 1) % 3 === 0
      ? `${quarterName(begin, lang, true)}${dash}${quarterName(end, lang, !sameYear)}`
      : `${monthName(begin, lang, true)}${dash}${monthName(end, lang, true)}`;
  }
  // "2027年Q1—2027年Q3" reads as "2027年Q1—Q3"
  if (a && b && a[1] === b[1]) return `${from}${dash}${b[2]}`;
  return `${from}${dash}${to}`;
}

/** The whole horizon: 2027年Q1—2028年Q4 / 2027 Q1–2028 Q4 (one period: its label). */
export function horizonLabel(
  start: PlanStart,
  periodsPerYear: number,
  periods: number,
  lang: 'zh' | 'en',
): string {
  return periodRangeLabel(start, periodsPerYear, 0, periods - 1, lang);
}

/** The calendar years the horizon touches, first and last (2027, 2028 for eight quarters from 2027 Q1). */
export function horizonYears(
  start: PlanStart,
  periodsPerYear: number,
  periods: number,
): { first: number; last: number } {
  const { from } = periodSpan(start, periodsPerYear, 0);
  const { to } = periodSpan(start, periodsPerYear, Math.max(0, periods - 1));
  return { first: Math.floor(from / 12), last: Math.floor((to - 1) / 12) };
}
