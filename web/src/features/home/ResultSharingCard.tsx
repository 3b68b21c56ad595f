import { ShareAltOutlined } from '@ant-design/icons';
import { Alert, Card, Collapse, List, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, useText } from '../diagnose/diagnose-ui.ts';
import { useResultSharing, useSetResultSharing } from './api.ts';

/**
 * 与主管部门共享诊断结果: the enterprise's own choice whether its pilot authority may read its latest submitted result
 * in full from the authority's portfolio; administrators switch it, everyone sees it and its history (who, when).
 */
export function ResultSharingCard({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  const { lang } = useText();
  const sharing = useResultSharing(true);
  const set = useSetResultSharing();
  const data = sharing.data;
  if (sharing.isError || (data && data.authority === null)) return null;
  const current = data?.history.find((h) => h.revokedAt === null);

  return (
    <Card
      size="small"
      loading={sharing.isPending}
      style={{ marginBottom: 24 }}
      data-testid="result-sharing"
      title={
        <span>
          <ShareAltOutlined /> {t('home.sharing.title')}
        </span>
      }
    >
      {data?.authority && (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap>
            <Switch
              checked={data.shared}
              disabled={!admin}
              loading={set.isPending}
              onChange={(shared) => set.mutate(shared)}
              aria-label={t('home.sharing.switch', { authority: data.authority.name })}
            />
            <Typography.Text>
              {data.shared
                ? t('home.sharing.on', { authority: data.authority.name })
                : t('home.sharing.off', { authority: data.authority.name })}
            </Typography.Text>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {current
              ? t('home.sharing.since', {
                  name: current.sharedBy ?? t('home.sharing.someone'),
                  date: formatDate(current.sharedAt, lang),
                })
              : t('home.sharing.what')}
            {!admin && ` ${t('home.sharing.adminsOnly')}`}
          </Typography.Text>
          {set.isError && <Alert type="error" showIcon message={set.error.message} />}
          {data.history.length > 0 && (
            <Collapse
              size="small"
              ghost
              items={[
                {
                  key: 'history',
                  label: t('home.sharing.history', { count: data.history.length }),
                  children: (
                    <List
                      size="small"
                      dataSource={data.history}
                      renderItem={(h) => (
                        <List.Item>
                          {t('home.sharing.shared', {
                            name: h.sharedBy ?? t('home.sharing.someone'),
                            date: formatDate(h.sharedAt, lang),
                          })}
                          {h.revokedAt &&
                            ` · ${t('home.sharing.revoked', {
                              name: h.revokedBy ?? t('home.sharing.someone'),
                              date: formatDate(h.revokedAt, lang),
                            })}`}
                        </List.Item>
                      )}
                    />
                  ),
                },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
