import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn, type ZhText } from '../../../../src/core/shared/text.ts';
import type { AnswerValue } from './api.ts';

/** Show a bilingual text in the current language; a text without English is shown in Chinese. */
export function useText() {
  const { i18n } = useTranslation();
  const lang: 'zh' | 'en' = i18n.language === 'en' ? 'en' : 'zh';
  const tx = useCallback((text: ZhText | undefined) => (text ? textIn(text, lang) : ''), [lang]);
  return { lang, tx };
}

/** A date in the current language, without the time (2 Dec 2026 / 2026年12月2日). */
export { formatDate } from '../../components/format-date.ts';

/** Numbers rounded for display (scores have at most two decimals). */
export const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** An answer value shown as text: letters, a percent, a grade. */
export function showAnswer(v: AnswerValue | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object')
    return Object.entries(v)
      .map(([k, n]) => `${k}: ${n}`)
      .join(' / ');
  return String(v);
}

/**
 * An answer in a diagnosis result (gaps, next-level changes): in the points family a numeric question answer is a
 * ratio in percent, so it is shown with a % sign; anything else as showAnswer does.
 */
export function showResultAnswer(v: AnswerValue | null | undefined, isRatio: boolean): string {
  return isRatio && typeof v === 'number' ? `${fmt(v)}%` : showAnswer(v);
}
