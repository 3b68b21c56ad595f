import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';

const CLOSED = ['accepted', 'declined', 'revoked', 'expired'] as const;

/** A failed invitation request in the reader's language where the page knows the code; the server's text otherwise. */
export function invitationErrorText(t: TFunction, error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  if (error.code === 'not_found') return t('organisation.accept.notFound');
  if (error.code === 'invalid_credentials') return t('organisation.accept.invalidCredentials');
  if (error.code === 'invitation_closed') {
    const status = (error.details as { status?: string } | null)?.status;
    const known = CLOSED.find((s) => s === status);
    if (known) return t(`organisation.accept.closed.${known}`);
  }
  return error.message;
}
