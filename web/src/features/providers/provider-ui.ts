import type { TFunction } from 'i18next';
import type { LocalizedText } from '../../../../src/core/shared/text.ts';
import { ApiError } from '../../api/client.ts';
import { formatDate } from '../../components/format-date.ts';

export const isEnglish = (lang: string) => lang.startsWith('en');

/** "GEN-PM-01 生产计划…" with the atlas name in the reader's language, the code alone when unknown. */
export function scenarioLabel(names: Map<string, LocalizedText>, code: string, lang: string): string {
  const name = names.get(code);
  return name ? `${code} ${isEnglish(lang) ? name.en : name.zh}` : code;
}

/** A date or timestamp in the reader's language: 2026年12月2日 / 2 Dec 2026. */
export function dateText(iso: string | null | undefined, lang: string): string {
  return formatDate(iso, isEnglish(lang) ? 'en' : 'zh');
}

export const percent = (rate: number | null | undefined, lang: string) =>
  rate === null || rate === undefined
    ? '—'
    : `${rate.toLocaleString(isEnglish(lang) ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 0 })}%`;

export const round1 = (n: number) => Math.round(n * 10) / 10;

const REFUSALS = [
  'already_applied',
  'removed_from_pool',
  'type_not_in_pool',
  'no_application',
  'wrong_state',
  'out_of_order',
  'bad_date',
  'bad_scores',
  'publicity_not_over',
  'quota_full',
  'nothing_to_appeal',
  'appeal_pending',
  'appeal_too_late',
  'no_appeal',
];

/**
 * A refused pool step in the reader's language: the domain's refusal code worded here, with the pool's name; a
 * problem of the request (invalid_pool_step) with its field; the server's text only for what this page does not know.
 */
export function refusalText(t: TFunction, error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  if (error.status === 0) return t('providers.errors.network');
  const details = error.details as { pool?: { name?: string } } | null;
  if (REFUSALS.includes(error.code)) {
    const reason = t(`providers.refusals.${error.code}`);
    return details?.pool?.name
      ? t('providers.refusals.refused', { pool: details.pool.name, reason })
      : reason;
  }
  if (error.status === 403) return t('providers.refusals.forbidden');
  if (error.code === 'invalid_pool_step')
    return t('providers.refusals.invalid_pool_step', { message: problemsText(error) });
  return error.message;
}

/** The problems of a 400 (field: message), or the server's message when it lists none. */
export function problemsText(error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  const details = error.details as {
    problems?: { field?: string; sheet?: string; message?: string }[];
  } | null;
  const problems = details?.problems;
  if (!Array.isArray(problems) || problems.length === 0) return error.message;
  return problems.map((p) => `${p.field ?? p.sheet ?? ''}: ${p.message ?? ''}`).join('; ');
}

/** A 403 or 404 of a page's main record, to show an empty state rather than an error. */
export const isStatus = (error: Error | null, status: number) =>
  error instanceof ApiError && error.status === status;

export const STATE_COLOURS: Record<string, string> = {
  applied: 'blue',
  publicised: 'gold',
  admitted: 'green',
  warned: 'orange',
  rectifying: 'volcano',
  rejected: 'default',
  removed: 'red',
  withdrawn: 'default',
};

export const SCENARIO_CODE = /^[A-Z]{2,5}(\.[A-Z0-9]{1,6})?-[A-Z]{2}-\d{2,3}$/;
export const INDUSTRY_CODE = /^([A-Ta-t]\d{0,4}|\d{2,4})$/;
export const REGION_CODE = /^\d{6}$/;
