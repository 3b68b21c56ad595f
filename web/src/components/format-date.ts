/**
 * Dates in the UI language's own format: 2 Dec 2026 / 2026年12月2日 (never the ambiguous 02/12/2026), with the time
 * as 2 Dec 2026, 05:36 / 2026年12月2日 05:36.
 */
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'zh-CN');
/** Chinese spells the month out (12月); English abbreviates it (Dec). */
const dateOptions = (lang: string): Intl.DateTimeFormatOptions =>
  lang === 'en' ? DATE : { ...DATE, month: 'long' };

/** A date (ISO text) without the time; '—' for none. */
export function formatDate(iso: string | null, lang: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(locale(lang), dateOptions(lang));
}

/** A date (ISO text) with the hour and minute; '—' for none. */
export function formatDateTime(iso: string | null, lang: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale(lang), {
    ...dateOptions(lang),
    hour: '2-digit',
    minute: '2-digit',
  });
}
