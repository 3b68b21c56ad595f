import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import {
  PASSWORD_PROBLEM_CODES,
  type ChangePassword,
  type PasswordProblemCode,
} from '../../../../src/contracts/auth.ts';
import { api, ApiError } from '../../api/client.ts';

const isProblemCode = (code: unknown): code is PasswordProblemCode =>
  typeof code === 'string' && (PASSWORD_PROBLEM_CODES as readonly string[]).includes(code);

/**
 * What went wrong with a password change, in the user's language: the wrong current password, or one line per
 * broken rule of the policy (the server's `details.problems`); anything else as the error says it.
 */
export function passwordChangeErrorLines(error: Error, t: TFunction): { title: string; lines: string[] } {
  if (!(error instanceof ApiError)) return { title: error.message, lines: [] };
  if (error.code === 'invalid_credentials') return { title: t('auth.currentPasswordWrong'), lines: [] };
  if (error.code !== 'weak_password') return { title: error.message, lines: [] };
  const details = (error.details ?? {}) as { minLength?: unknown; problems?: unknown };
  const minLength = typeof details.minLength === 'number' ? details.minLength : 10;
  const problems = Array.isArray(details.problems) ? (details.problems as { code?: unknown }[]) : [];
  const lines = problems.map((p) =>
    isProblemCode(p.code) ? t(`auth.passwordProblem.${p.code}`, { minLength }) : String(p.code),
  );
  return { title: t('auth.weakPassword'), lines };
}

/** POST /api/auth/password; on success the signed-in user is read again (the must-change flag is gone). */
export function useChangePassword(onChanged: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: ChangePassword) =>
      api<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
    onSuccess: async () => {
      onChanged();
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
