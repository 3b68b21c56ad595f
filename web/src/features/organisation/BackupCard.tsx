import { CloudDownloadOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Platform administrators: download a backup of the whole database (GET /api/backup), restored with `tupu restore`. */
export function BackupCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('organisation.backup.title')} style={{ marginTop: 16 }} data-testid="backup-card">
      <Typography.Paragraph type="secondary">{t('organisation.backup.intro')}</Typography.Paragraph>
      <Button icon={<CloudDownloadOutlined />} href="/api/backup" download data-testid="backup-download">
        {t('organisation.backup.download')}
      </Button>
    </Card>
  );
}
