import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';

/** A refused request, in the page's language. */
export function EvaluateErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text =
    error instanceof ApiError
      ? error.code === 'network'
        ? t('evaluate.errors.network')
        : t('evaluate.errors.generic', { code: error.code })
      : t('evaluate.errors.generic', { code: 'client' });
  return (
    <Alert
      type="error"
      showIcon
      style={{ margin: '8px 0' }}
      title={t('evaluate.errors.title')}
      description={text}
      data-testid={testId ?? 'evaluate-error'}
    />
  );
}
