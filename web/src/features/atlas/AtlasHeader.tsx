import { ApartmentOutlined, TableOutlined } from '@ant-design/icons';
import { Alert, Flex, Segmented, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { usePacks } from './api.ts';
import { useAtlasParams, useLocalized } from './atlas-ui.ts';

export type AtlasView = 'graph' | 'table';

/** Title, pack selector, what 一图四清单 means, and the graph/table switch. */
export function AtlasHeader({ view }: { view: AtlasView }) {
  const { t } = useTranslation();
  const { tx, lang } = useLocalized();
  const { pack, set } = useAtlasParams();
  const packs = usePacks();
  const navigate = useNavigate();
  const location = useLocation();
  const current = packs.data?.find((p) => p.id === pack);
  // base packs first, then the packs that extend them
  const ordered = [...(packs.data ?? [])].sort(
    (a, b) => Number(Boolean(a.extends)) - Number(Boolean(b.extends)) || a.id.localeCompare(b.id),
  );

  return (
    <div style={{ marginBottom: 16 }}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('atlas.title')}
        </Typography.Title>
        <Segmented<AtlasView>
          value={view}
          onChange={(next) =>
            void navigate({ pathname: next === 'graph' ? '/atlas' : '/atlas/table', search: location.search })
          }
          options={[
            { value: 'graph', label: t('atlas.views.graph'), icon: <ApartmentOutlined /> },
            { value: 'table', label: t('atlas.views.table'), icon: <TableOutlined /> },
          ]}
        />
      </Flex>
      <Flex wrap gap={12} align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('atlas.pack')}</Typography.Text>
        {packs.isPending ? (
          <Skeleton.Input active size="small" style={{ width: 280 }} />
        ) : (
          <Select
            aria-label={t('atlas.pack')}
            value={pack}
            style={{ minWidth: 260, maxWidth: '100%' }}
            popupMatchSelectWidth={false}
            onChange={(id: string) => set({ pack: id })}
            options={ordered.map((p) => ({
              value: p.id,
              label: `${tx(p.title)} · v${p.version}`,
            }))}
            status={packs.isError ? 'error' : undefined}
            placeholder={packs.isError ? t('atlas.loadError') : undefined}
          />
        )}
        {current && (
          <Space size={4} wrap>
            <Tag>{tx(current.industry.name)}</Tag>
            <Tag color="blue">
              {t('atlas.version')} {current.version}
            </Tag>
            {current.extends && <Tag>{t('atlas.extends', { base: current.extends })}</Tag>}
            <Typography.Text type="secondary">
              {t('atlas.counts', {
                scenarios: current.counts.scenarios,
                links: current.counts.links,
              })}
            </Typography.Text>
          </Space>
        )}
      </Flex>
      {current && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 8, fontSize: 13 }}>
          {t('atlas.publisher')}
          {lang === 'en' ? ': ' : '：'}
          {current.publisher}
        </Typography.Paragraph>
      )}
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 8 }}
        title={t('atlas.explainTitle')}
        description={t('atlas.explain')}
        closable
      />
    </div>
  );
}
