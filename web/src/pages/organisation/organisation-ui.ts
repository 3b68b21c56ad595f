import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';

const KNOWN = ['duplicate_name', 'last_admin', 'already_member', 'forbidden'];

/** A failed request in the reader's language when its code is one this page knows; the server's text otherwise. */
export function errorText(t: TFunction, error: Error): string {
  if (error instanceof ApiError && error.code === 'not_found') return t('organisation.notFound');
  if (error instanceof ApiError && KNOWN.includes(error.code)) return t(`organisation.errors.${error.code}`);
  return error.message;
}

export const dateText = (iso: string, lang: string) =>
  new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN');
