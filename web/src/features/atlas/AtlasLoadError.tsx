import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function AtlasLoadError({ error, onRetry }: { error: Error | null; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('atlas.loadError')}
      subTitle={error?.message}
      extra={<Button onClick={onRetry}>{t('atlas.retry')}</Button>}
    />
  );
}
