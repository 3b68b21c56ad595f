import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText, type ErrorContext } from './deliver-ui.ts';

/**
 * A refused write, in the page's language, naming what and where; `message`, when the caller has its own sentence
 * for the refusal, is shown instead as the alert's title.
 */
export function ErrorAlert({
  error,
  context,
  testId,
  message,
}: {
  error: unknown;
  context?: ErrorContext;
  testId?: string;
  message?: string | null;
}) {
  const { t } = useTranslation();
  const text = useErrorText();
  if (!error) return null;
  if (message)
    return (
      <Alert
        type="error"
        showIcon
        style={{ margin: '8px 0' }}
        title={message}
        data-testid={testId ?? 'deliver-error'}
      />
    );
  const lines = text(error, context);
  return (
    <Alert
      type="error"
      showIcon
      style={{ margin: '8px 0' }}
      title={t('deliver.errors.title')}
      data-testid={testId ?? 'deliver-error'}
      description={
        lines.length === 1 ? (
          lines[0]
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        )
      }
    />
  );
}
