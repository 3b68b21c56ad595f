/** Number, period and list formatting for the plan document, in Chinese or English. */
import type { PlanLang } from './plan-document-types.ts';

/** Pick the Chinese or English wording. */
export type Say = (zh: string, en: string) => string;
export const sayIn =
  (lang: PlanLang): Say =>
  (zh, en) =>
    lang === 'zh' ? zh : en;

export function money(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return (Object.is(rounded, -0) ? 0 : rounded).toLocaleString('en-US', {
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
}

export function percent(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

export function years(value: number | null, lang: PlanLang): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return lang === 'zh' ? `${value.toFixed(1)} 年` : `${value.toFixed(1)} y`;
}

const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一 … 十, then 十一 …; Arabic in English. */
export function ordinal(index: number, lang: PlanLang): string {
  if (lang === 'en') return String(index + 1);
  const n = index + 1;
  if (n <= 10) return ZH_NUMERALS[n - 1] ?? String(n);
  if (n < 20) return `十${ZH_NUMERALS[n - 11] ?? ''}`;
  return String(n);
}

export function periodName(periodsPerYear: number, lang: PlanLang): string {
  const say = sayIn(lang);
  if (periodsPerYear === 1) return say('年', 'years');
  if (periodsPerYear === 2) return say('半年', 'half-years');
  if (periodsPerYear === 4) return say('季度', 'quarters');
  if (periodsPerYear === 12) return say('月', 'months');
  return say('期', 'periods');
}

/**
 * A quotation inside running text: “…” around it, and any “…” already inside it turned into ‘…’ — the nesting of
 * Chinese typography (本企业属于“专精特新‘小巨人’企业”); the same in English.
 */
export function quoted(text: string): string {
  return `“${text.replaceAll('“', '‘').replaceAll('”', '’')}”`;
}

/** 、-joined in Chinese, comma-joined in English. */
export function joinList(items: readonly string[], lang: PlanLang): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

export function formatDate(date: Date | string | undefined, lang: PlanLang): string {
  if (date === undefined) return '—';
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return typeof date === 'string' ? date : '—';
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return lang === 'zh'
    ? `${y}年${m}月${day}日`
    : `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A short label that opens a paragraph (组织保障： / Funding:), printed bold by the renderers. After a Latin colon the
 * space stays with the rest (label + rest is the whole line, so Word and the PDF print "Funding: 615"); after the
 * full-width "：" a space is dropped, Chinese needs none.
 */
export function leadIn(line: string): { label: string; rest: string } | undefined {
  const match = /^([^：:。.，,]{2,18}[：:])/u.exec(line);
  const label = match?.[1];
  if (label === undefined) return undefined;
  const after = line.slice(label.length);
  return { label, rest: label.endsWith('：') ? after.replace(/^\s/u, '') : after };
}
