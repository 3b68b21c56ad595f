import { Button, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NavItem } from './navigation.tsx';

/** An honest empty state for a loop step that is not built yet. */
export function ComingSoonPage({ feature }: { feature: NavItem['key'] }) {
  const { t } = useTranslation();
  const name = t(`nav.${feature}`);
  return (
    <div>
      <Typography.Title level={3}>{name}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(`loop.${feature}`)}</Typography.Paragraph>
      <Empty
        style={{ marginTop: 48 }}
        description={
          <>
            <Typography.Text strong>{t('empty.title', { feature: name })}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t('empty.body')}</Typography.Text>
          </>
        }
      >
        <Link to="/">
          <Button>{t('empty.back')}</Button>
        </Link>
      </Empty>
    </div>
  );
}
