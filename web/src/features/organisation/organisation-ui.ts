import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { formatDate } from '../../components/format-date.ts';

const KNOWN = [
  'duplicate_name',
  'last_admin',
  'already_member',
  'forbidden',
  'own_password',
  'member_elsewhere',
];
const HOLDINGS = ['childOrganisations', 'assessments', 'plans'] as const;

/**
 * A failed request in the reader's language when its code is one this page knows; the server's text otherwise.
 * `name` is the organisation a refused deletion (not_empty) names, with what it still holds.
 */
export function errorText(t: TFunction, error: Error, name = ''): string {
  if (!(error instanceof ApiError)) return error.message;
  if (error.code === 'not_found') return t('organisation.notFound');
  if (error.code === 'not_empty') {
    const what = holdingsText(t, error.details);
    return what ? t('organisation.errors.not_empty', { name, what }) : error.message;
  }
  if (KNOWN.includes(error.code)) return t(`organisation.errors.${error.code}`);
  return error.message;
}

/** What a not_empty refusal's details say the organisation still holds, in words; empty when they say nothing. */
function holdingsText(t: TFunction, details: unknown): string {
  if (typeof details !== 'object' || details === null) return '';
  const counts = details as Record<string, unknown>;
  return HOLDINGS.flatMap((key) => {
    const count = counts[key];
    return typeof count === 'number' && count > 0
      ? [t(`organisation.errors.holdings.${key}`, { count })]
      : [];
  }).join(t('organisation.errors.holdings.separator'));
}

export const dateText = (iso: string, lang: string) => formatDate(iso, lang);
