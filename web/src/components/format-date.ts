/**
 * Dates in the UI language's own format: 2 Dec 2026 / 2026年12月2日 (never the ambiguous 02/12/2026), with the time
 * as 2 Dec 2026, 05:36 / 2026年12月2日 05:36. A calendar date without a time (2027-03-31, a deadline or a plan's
 * quarter end) is that day wherever the reader is: read in UTC, never shifted by the time zone.
 */
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'zh-CN');
/** Chinese spells the month out (12月); English abbreviates it (Dec). */
const dateOptions = (lang: string): Intl.DateTimeFormatOptions =>
  lang === 'en' ? DATE : { ...DATE, month: 'long' };

/** A date (ISO text, a timestamp or a calendar date) without the time; '—' for none, the text itself if unreadable. */
export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const calendar = CALENDAR_DATE.test(iso);
  const date = new Date(calendar ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(locale(lang), {
    ...dateOptions(lang),
    ...(calendar ? { timeZone: 'UTC' } : {}),
  });
}

/** A date (ISO text) with the hour and minute — and the second with `seconds` (an audit entry); '—' for none. */
export function formatDateTime(
  iso: string | null | undefined,
  lang: string,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale(lang), {
    ...dateOptions(lang),
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  });
}
